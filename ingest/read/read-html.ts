import { parseDocument } from 'htmlparser2';
import type { AnyNode, Element } from 'domhandler';

/**
 * The text of a bureau web page. A page carries navigation, scripts and
 * footers around the letter; the letter's text is the content of the element
 * that holds most of the page's text (an article container). Each block
 * element is a line of its own — one line end between two paragraphs, as in
 * the .txt, so a web page gives the same letter as its text — and an empty
 * paragraph is a blank line. Inside <pre> the page's own line breaks are kept.
 * Every walk is iterative: a page of 100,000 nested <div>s must not
 * overflow the stack.
 */
const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'head',
  'nav',
  'header',
  'footer',
  'iframe',
  'svg',
  'form',
  'button',
  'select',
  'template',
]);
const BLOCK = new Set([
  'p',
  'div',
  'li',
  'tr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'section',
  'article',
  'table',
  'blockquote',
  'pre',
  'ul',
  'ol',
  'dd',
  'dt',
  'hr',
  'main',
]);

type Parent = AnyNode | { children: AnyNode[] };
const childrenOf = (n: Parent): AnyNode[] => ('children' in n && Array.isArray(n.children) ? n.children : []);
const isTag = (n: AnyNode): n is Element => n.type === 'tag' || n.type === 'script' || n.type === 'style';
const dataOf = (n: AnyNode) => (n as unknown as { data: string }).data;

export function htmlToText(html: string): string {
  const document = parseDocument(flattenIfTooDeep(html), { decodeEntities: true });
  const body = findFirst(document, 'body') ?? document;
  const root = letterContainer(body) ?? body;
  return textOf(root);
}

const VOID = new Set([
  'br',
  'hr',
  'img',
  'input',
  'meta',
  'link',
  'area',
  'base',
  'col',
  'embed',
  'source',
  'track',
  'wbr',
  'param',
]);
const TAG = /<(\/?)([a-zA-Z][\w:-]*)[^>]*?(\/?)>/g;
/** Deeper than any real page: past it, layout tags are taken out before parsing. */
export const MAX_NESTING = 1000;

/**
 * htmlparser2 keeps its open elements with Array.unshift, so parsing costs the
 * square of the nesting depth: 100,000 nested <div>s take minutes. A page
 * nested past MAX_NESTING (counted on the tags, in one pass) has its container
 * tags removed — block ones leave a line break — before it is parsed.
 */
function flattenIfTooDeep(html: string): string {
  let depth = 0;
  let deepest = 0;
  for (const match of html.matchAll(TAG)) {
    const name = match[2].toLowerCase();
    if (match[1]) depth = Math.max(0, depth - 1);
    else if (!match[3] && !VOID.has(name)) deepest = Math.max(deepest, ++depth);
  }
  if (deepest <= MAX_NESTING) return html;
  return html.replace(TAG, (tag, _close: string, name: string) => {
    const lower = name.toLowerCase();
    if (SKIP.has(lower) || lower === 'pre' || lower === 'br' || lower === 'body' || lower === 'html') return tag;
    return BLOCK.has(lower) ? '<br>' : '';
  });
}

function findFirst(root: Parent, tag: string): Element | undefined {
  const stack = [...childrenOf(root)].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isTag(node)) continue;
    if (node.name === tag) return node;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
  return undefined;
}

function textOf(root: Parent): string {
  const out: string[] = [];
  let atLineStart = true;
  // The container may be a <pre> itself, or sit inside one.
  let pre = 0;
  for (let n = (('type' in root) ? root : null) as AnyNode | null; n; n = n.parent as AnyNode | null)
    if (isTag(n) && n.name === 'pre') pre++;
  const write = (s: string) => {
    if (s === '') return;
    out.push(s);
    atLineStart = s.endsWith('\n');
  };
  const endLine = () => {
    if (!atLineStart) write('\n');
  };
  // Enter and leave events on an explicit stack; `written` notes the output length at a block's start.
  type Step = { node: AnyNode; leave: false } | { node: Element; leave: true; written: number };
  const stack: Step[] = childrenOf(root)
    .map((node) => ({ node, leave: false as const }))
    .reverse();
  while (stack.length > 0) {
    const step = stack.pop()!;
    if (step.leave) {
      if (step.node.name === 'pre') pre--;
      if (BLOCK.has(step.node.name)) {
        // An empty paragraph is a blank line, as an empty line of the .txt.
        if (out.length === step.written && step.node.name === 'p') write('\n');
        else endLine();
      }
      continue;
    }
    const node = step.node;
    if (node.type === 'text') {
      write(pre > 0 ? dataOf(node).replace(/\r\n?/g, '\n') : dataOf(node).replace(/[\r\n]+/g, ''));
      continue;
    }
    if (node.type !== 'tag') continue;
    const element = node as Element;
    if (SKIP.has(element.name)) continue;
    if (element.name === 'br') {
      write('\n');
      continue;
    }
    if (BLOCK.has(element.name)) endLine();
    if (element.name === 'pre') pre++;
    stack.push({ node: element, leave: true, written: out.length });
    for (let i = element.children.length - 1; i >= 0; i--) stack.push({ node: element.children[i], leave: false });
  }
  return out.join('');
}

/** The element whose own text is the longest share of the page, preferring the deepest such element. */
function letterContainer(root: Parent): Element | undefined {
  // Visible characters under each element, summed bottom-up over a post-order of the tree.
  const lengths = new Map<Element, number>();
  const order: Element[] = [];
  const stack = [...childrenOf(root)];
  let total = 0;
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'text') {
      total += dataOf(node).replace(/\s/g, '').length;
      continue;
    }
    if (node.type !== 'tag' || SKIP.has((node as Element).name)) continue;
    order.push(node as Element);
    stack.push(...(node as Element).children);
  }
  if (total === 0) return undefined;
  for (let i = order.length - 1; i >= 0; i--) {
    const element = order[i];
    let length = 0;
    for (const child of element.children) {
      if (child.type === 'text') length += dataOf(child).replace(/\s/g, '').length;
      else length += lengths.get(child as Element) ?? 0;
    }
    lengths.set(element, length);
  }
  // An article container holds nearly all of the page's text; descend while that stays true.
  let best: Element | undefined;
  let level: AnyNode[] = childrenOf(root);
  for (;;) {
    const next = level.find((n) => n.type === 'tag' && (lengths.get(n as Element) ?? 0) >= total * 0.8) as
      Element | undefined;
    if (!next) return best;
    best = next;
    level = next.children;
  }
}
