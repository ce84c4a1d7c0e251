import { parseDocument } from 'htmlparser2';
import type { AnyNode, Element } from 'domhandler';

/**
 * The text of a bureau web page. A page carries navigation, scripts and
 * footers around the letter; the letter's text is the content of the element
 * that holds most of the page's text (an article container), with block
 * elements turned into line ends.
 */
const SKIP = new Set(['script', 'style', 'noscript', 'head', 'nav', 'header', 'footer', 'iframe', 'svg', 'form', 'button', 'select']);
const BLOCK = new Set([
  'p', 'div', 'br', 'li', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'article',
  'table', 'blockquote', 'pre', 'ul', 'ol', 'dd', 'dt', 'hr', 'main',
]);

export function htmlToText(html: string): string {
  const document = parseDocument(html, { decodeEntities: true });
  const body = findFirst(document.children, 'body') ?? document;
  const root = letterContainer(body) ?? body;
  return textOf(root);
}

function findFirst(nodes: AnyNode[], tag: string): Element | undefined {
  for (const node of nodes) {
    if (node.type === 'tag' || node.type === 'script' || node.type === 'style') {
      const element = node as Element;
      if (element.name === tag) return element;
      const inner = findFirst(element.children, tag);
      if (inner) return inner;
    }
  }
  return undefined;
}

function textOf(node: AnyNode | { children: AnyNode[] }): string {
  const out: string[] = [];
  const walk = (n: AnyNode): void => {
    if (n.type === 'text') {
      out.push((n as unknown as { data: string }).data.replace(/[\r\n]+/g, ''));
      return;
    }
    if (n.type !== 'tag') return;
    const element = n as Element;
    if (SKIP.has(element.name)) return;
    const block = BLOCK.has(element.name);
    if (block) out.push('\n');
    element.children.forEach(walk);
    if (block) out.push('\n');
  };
  ('children' in node ? node.children : []).forEach(walk);
  return out.join('');
}

/** The element whose own text is the longest share of the page, preferring the deepest such element. */
function letterContainer(root: AnyNode | { children: AnyNode[] }): Element | undefined {
  // Visible characters under each element, counted once bottom-up (not by re-reading every subtree).
  const lengths = new Map<Element, number>();
  const count = (n: AnyNode): number => {
    if (n.type === 'text') return (n as unknown as { data: string }).data.replace(/\s/g, '').length;
    if (n.type !== 'tag' || SKIP.has((n as Element).name)) return 0;
    const element = n as Element;
    const length = element.children.reduce((sum, child) => sum + count(child), 0);
    lengths.set(element, length);
    return length;
  };
  const total = ('children' in root ? root.children : []).reduce((sum, child) => sum + count(child), 0);
  if (total === 0) return undefined;
  let best: Element | undefined;
  const walk = (n: AnyNode): void => {
    const length = n.type === 'tag' ? lengths.get(n as Element) : undefined;
    if (length === undefined) return;
    // An article container holds nearly all of the page's text; descend while that stays true.
    if (length >= total * 0.8) best = n as Element;
    (n as Element).children.forEach(walk);
  };
  ('children' in root ? root.children : []).forEach(walk);
  return best;
}
