// The few browser APIs the specs use inside page.evaluate. The test code is compiled without
// the DOM library (it runs in Node), so these are typed here and reached through globalThis.
export interface BrowserNode {
  readonly length?: number;
  closest?(selector: string): BrowserElement | null;
}

export interface BrowserElement extends BrowserNode {
  getAttribute(name: string): string | null;
  scrollTop: number;
  readonly clientHeight: number;
  readonly scrollHeight: number;
}

export interface BrowserRange {
  setStart(node: unknown, offset: number): void;
  setEnd(node: unknown, offset: number): void;
}

export interface BrowserGlobals {
  getComputedStyle(element: unknown, pseudo?: string): { content: string; contentVisibility: string };
  navigator: { clipboard: { readText(): Promise<string> } };
  requestAnimationFrame(callback: () => void): number;
  performance: { now(): number };
  document: {
    createTreeWalker(root: unknown, show: number): { nextNode(): unknown; readonly currentNode: unknown };
    createRange(): BrowserRange;
  };
  getSelection(): { removeAllRanges(): void; addRange(range: BrowserRange): void; toString(): string } | null;
}
