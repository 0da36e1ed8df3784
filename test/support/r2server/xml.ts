// Just enough XML for S3: a writer for responses and a parser for the few request bodies
// (CreateBucketConfiguration, Delete, CompleteMultipartUpload, CORSConfiguration, LifecycleConfiguration).
// Namespaces are ignored on input, attributes are dropped, DTDs are refused (no entity expansion).

export interface XmlElement {
  name: string;
  children: XmlElement[];
  /** Concatenated character data directly inside this element (entities decoded). */
  text: string;
}

const S3_XMLNS = 'http://s3.amazonaws.com/doc/2006-03-01/';

/** Content of an element to write: text, or child elements (undefined children are skipped). */
export type XmlContent = string | number | boolean | Array<XmlNode | undefined>;

export interface XmlNode {
  name: string;
  content: XmlContent;
}

export function el(name: string, content: XmlContent): XmlNode {
  return { name, content };
}

/** Optional element: omitted when the value is undefined. */
export function opt(name: string, value: string | number | boolean | undefined): XmlNode | undefined {
  return value === undefined ? undefined : el(name, value);
}

export function escapeXml(text: string): string {
  // Control characters are not representable literally in XML 1.0; S3 writes them as character
  // references, which is what lets keys containing them survive a listing.
  return text.replace(/[&<>"'\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, (c) => {
    switch (c) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '"':
        return '&quot;';
      case "'":
        return '&apos;';
      default:
        return `&#x${c.charCodeAt(0).toString(16)};`;
    }
  });
}

function writeNode(node: XmlNode, out: string[], openTag = `<${node.name}>`): void {
  out.push(openTag);
  if (Array.isArray(node.content)) {
    for (const child of node.content) {
      if (child) {
        writeNode(child, out);
      }
    }
  } else {
    out.push(escapeXml(String(node.content)));
  }
  out.push(`</${node.name}>`);
}

/** Serializes a document; S3 puts its namespace on every root except error documents. */
export function toXmlDocument(root: XmlNode, namespaced = true): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n'];
  writeNode(root, out, namespaced ? `<${root.name} xmlns="${S3_XMLNS}">` : undefined);
  return out.join('');
}

/** Converts a parsed element back into a writable node (used to echo stored configurations). */
export function toNode(element: XmlElement): XmlNode {
  return element.children.length > 0 ? el(element.name, element.children.map(toNode)) : el(element.name, element.text);
}

export class XmlSyntaxError extends Error {}

const NAME = /^[A-Za-z_][\w.:-]*/;
const MAX_DEPTH = 32;

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_m, ref: string) => {
    switch (ref) {
      case 'amp':
        return '&';
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
      default: {
        const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
        if (code > 0x10ffff) {
          throw new XmlSyntaxError(`bad character reference &${ref};`);
        }
        return String.fromCodePoint(code);
      }
    }
  });
}

function localName(qualified: string): string {
  const colon = qualified.indexOf(':');
  return colon < 0 ? qualified : qualified.slice(colon + 1);
}

/** Parses a small, well-formed document; throws XmlSyntaxError on anything else. */
export function parseXml(source: string): XmlElement {
  let pos = 0;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;

  const fail = (why: string): never => {
    throw new XmlSyntaxError(`${why} at offset ${pos}`);
  };
  const skipPast = (terminator: string): void => {
    const end = source.indexOf(terminator, pos);
    if (end < 0) {
      fail(`unterminated construct, expected ${terminator}`);
    }
    pos = end + terminator.length;
  };

  while (pos < source.length) {
    const lt = source.indexOf('<', pos);
    const text = source.slice(pos, lt < 0 ? source.length : lt);
    if (stack.length > 0) {
      stack[stack.length - 1].text += decodeEntities(text);
    } else if (text.trim() !== '') {
      fail('text outside the root element');
    }
    if (lt < 0) {
      break;
    }
    pos = lt;
    if (source.startsWith('<?', pos)) {
      skipPast('?>');
    } else if (source.startsWith('<!--', pos)) {
      skipPast('-->');
    } else if (source.startsWith('<![CDATA[', pos)) {
      if (stack.length === 0) {
        fail('CDATA outside the root element');
      }
      const end = source.indexOf(']]>', pos);
      if (end < 0) {
        fail('unterminated CDATA');
      }
      stack[stack.length - 1].text += source.slice(pos + 9, end);
      pos = end + 3;
    } else if (source.startsWith('<!', pos)) {
      fail('DTDs are not accepted');
    } else if (source.startsWith('</', pos)) {
      const name = NAME.exec(source.slice(pos + 2))?.[0] ?? fail('bad closing tag');
      const open = stack.pop();
      if (!open || open.name !== localName(name)) {
        fail(`mismatched closing tag </${name}>`);
      }
      pos += 2 + name.length;
      skipPast('>');
    } else {
      const name = NAME.exec(source.slice(pos + 1))?.[0] ?? fail('bad tag');
      const end = source.indexOf('>', pos);
      if (end < 0) {
        fail('unterminated tag');
      }
      const selfClosing = source[end - 1] === '/';
      const element: XmlElement = { name: localName(name), children: [], text: '' };
      if (stack.length > 0) {
        stack[stack.length - 1].children.push(element);
      } else if (root) {
        fail('more than one root element');
      } else {
        root = element;
      }
      if (!selfClosing) {
        if (stack.length >= MAX_DEPTH) {
          fail('document nested too deeply');
        }
        stack.push(element);
      }
      pos = end + 1;
    }
  }
  if (!root || stack.length > 0) {
    return fail('incomplete document');
  }
  return root;
}

/** All direct children with a name. */
export function childrenNamed(parent: XmlElement, name: string): XmlElement[] {
  return parent.children.filter((c) => c.name === name);
}

/** Text of the single direct child with a name, or undefined when absent. */
export function childText(parent: XmlElement, name: string): string | undefined {
  return parent.children.find((c) => c.name === name)?.text;
}
