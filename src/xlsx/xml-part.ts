/**
 * A part's XML as a stream of elements: chunks from the zip go through one streaming UTF-8 decoder into
 * saxes, so no part is ever held whole as text. Elements are matched by local name, which reads
 * transitional and strict OOXML (purl.oclc.org namespaces) and prefixed elements (`x:c`) alike.
 */
import { SaxesParser } from 'saxes';

export type Attributes = Record<string, string>;

export interface XmlHandlers {
  open(name: string, attrs: Attributes, selfClosing: boolean): void;
  close?(name: string): void;
  text?(text: string): void;
}

/** The XML in a part is not well-formed: the part is damaged. */
export class XmlFormatError extends Error {
  constructor(part: string, message: string) {
    super(`${part}: ${message}`);
    this.name = 'XmlFormatError';
  }
}

const localName = (name: string): string => {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
};

/** An attribute by local name (`r:id`, `ns1:id` …), for attributes whose prefix varies by producer. */
export function attrLocal(attrs: Attributes, local: string): string | undefined {
  if (attrs[local] !== undefined) return attrs[local];
  for (const key of Object.keys(attrs)) if (localName(key) === local) return attrs[key];
  return undefined;
}

/** A sink for one part: `write` each inflated chunk, then `end`. Throws XmlFormatError, or whatever a handler throws. */
export function xmlSink(part: string, handlers: XmlHandlers): { write(chunk: Uint8Array): void; end(): void } {
  const parser = new SaxesParser({ xmlns: false, position: false });
  const decoder = new TextDecoder('utf-8');
  let failure: Error | undefined;
  parser.on('error', (err) => {
    failure ??= new XmlFormatError(part, err.message);
    throw failure;
  });
  parser.on('opentag', (tag) => handlers.open(localName(tag.name), tag.attributes as Attributes, tag.isSelfClosing));
  if (handlers.close) {
    const close = handlers.close;
    parser.on('closetag', (tag) => close(localName(tag.name)));
  }
  if (handlers.text) parser.on('text', handlers.text);
  return {
    write(chunk) {
      parser.write(decoder.decode(chunk, { stream: true }));
    },
    end() {
      parser.write(decoder.decode());
      parser.close();
    },
  };
}
