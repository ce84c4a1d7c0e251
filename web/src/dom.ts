/**
 * Building DOM. Text from letters is untrusted: it only ever goes in through
 * textContent (the `text` argument or string children), never innerHTML.
 */
type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | boolean | ((e: Event) => void)> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (typeof value === 'function') element.addEventListener(key.replace(/^on/, ''), value);
    else if (value === true) element.setAttribute(key, '');
    else if (value !== false) element.setAttribute(key, value);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return element;
}

/** A sentence with the words at [from, to) marked, all as text nodes. */
export function highlighted(sentence: string, from: number, to: number): HTMLElement {
  const start = Math.max(0, Math.min(from, sentence.length));
  const end = Math.max(start, Math.min(to, sentence.length));
  return h('span', {}, sentence.slice(0, start), h('mark', {}, sentence.slice(start, end)), sentence.slice(end));
}

export function download(name: string, data: Blob | string, type = 'application/octet-stream'): void {
  const blob = typeof data === 'string' ? new Blob([data], { type }) : data;
  const url = URL.createObjectURL(blob);
  const link = h('a', { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
