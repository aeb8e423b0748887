import { SaxesParser } from "saxes";

/**
 * A namespace-aware XML tree for comparing the structure of two parts: element and attribute
 * names by namespace URI (so the prefixes may differ), attribute values, children in order.
 * Namespace declarations are not attributes here.
 */
export interface XmlElement {
  /** "{namespace}local" */
  readonly name: string;
  readonly attrs: ReadonlyMap<string, string>;
  readonly children: readonly XmlElement[];
  readonly text: string;
}

export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true });
  const stack: Array<{ name: string; attrs: Map<string, string>; children: XmlElement[]; text: string }> = [];
  let root: XmlElement | undefined;
  parser.on("error", (e) => {
    throw e;
  });
  parser.on("opentag", (tag) => {
    const attrs = new Map<string, string>();
    for (const a of Object.values(tag.attributes)) {
      if (a.prefix === "xmlns" || a.name === "xmlns") continue;
      attrs.set(`{${a.uri}}${a.local}`, a.value);
    }
    stack.push({ name: `{${tag.uri}}${tag.local}`, attrs, children: [], text: "" });
  });
  parser.on("text", (t) => {
    if (stack.length > 0) stack[stack.length - 1].text += t;
  });
  parser.on("closetag", () => {
    const el = stack.pop()!;
    if (stack.length > 0) stack[stack.length - 1].children.push(el);
    else root = el;
  });
  parser.write(xml).close();
  if (!root) throw new Error("no root element");
  return root;
}

/**
 * The shape of an element: its name, its attribute names, and the shapes of its children with
 * runs of the same shape counted once (a list of two function ids and a list of one have one shape).
 */
export interface Shape {
  readonly name: string;
  readonly attrs: readonly string[];
  readonly children: readonly Shape[];
}

export function shape(el: XmlElement): Shape {
  const children: Shape[] = [];
  for (const c of el.children.map(shape)) if (children.length === 0 || JSON.stringify(children[children.length - 1]) !== JSON.stringify(c)) children.push(c);
  return { name: el.name, attrs: [...el.attrs.keys()].sort(), children };
}

/** Every element with this name, depth first. */
export function findAll(el: XmlElement, name: string): XmlElement[] {
  return [...(el.name === name ? [el] : []), ...el.children.flatMap((c) => findAll(c, name))];
}
