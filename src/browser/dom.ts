/**
 * The few browser objects the app uses, typed here: the project's TypeScript setup has no DOM
 * library (the CLI runs in Node), and adding it for every layer would let Node code name `document`
 * and still type-check.
 */
export interface DomEvent {
  preventDefault(): void;
}

export interface DomElement {
  readonly tagName: string;
  textContent: string | null;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
  /** A string is appended as a text node: text from the rules never becomes markup. */
  append(...nodes: (DomElement | string)[]): void;
  replaceChildren(...nodes: (DomElement | string)[]): void;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  addEventListener(type: string, listener: (event: DomEvent) => void): void;
  focus(): void;
}

/** An `input` or a `select`. */
export interface FormControl extends DomElement {
  value: string;
  checked: boolean;
}

export interface DomDocument {
  readonly body: DomElement;
  getElementById(id: string): DomElement | null;
  createElement(tag: string): DomElement;
  importNode(node: DomElement, deep: boolean): DomElement;
}

export interface BrowserWindow {
  readonly document: DomDocument;
  readonly location: { readonly search: string };
  readonly history: { pushState(state: unknown, unused: string, url: string): void };
  addEventListener(type: 'popstate', listener: () => void): void;
  readonly DOMParser: new () => { parseFromString(text: string, type: string): { documentElement: DomElement } };
}

/** The page's window, read as the types above. */
export const browserWindow = (): BrowserWindow => globalThis as unknown as BrowserWindow;
