"""The element and attribute declarations of schema/rapport.xsd, walked as a tree.

Standard library only. Used by the visibility and every-element tests.

walk(xsd_path) returns a Schema with:
  pairs:      {(parent, child): Decl}, every element as declared under its parent
              (roots have parent None); children of the inline text type (em, strong,
              sup, link, placeholder) are kept apart in `markup`.
  attributes: {(element, attribute): type name}
  texts:      the element names whose content is a text (type inline, or extending it).
"""
import xml.etree.ElementTree as ET

XS = '{http://www.w3.org/2001/XMLSchema}'


class Decl:
    def __init__(self, name, type_name, node, is_text, is_string):
        self.name = name
        self.type_name = type_name      # the named type, or None for an inline complexType
        self.node = node                # the xs:element node
        self.is_text = is_text          # type inline (or an extension of it)
        self.is_string = is_string      # xs:string or xs:token content (not a text)
        self.doc = ''                   # the comment just before its declaration, if any


class Schema:
    def __init__(self):
        self.pairs = {}
        self.markup = set()
        self.attributes = {}
        self.texts = set()
        self.roots = []

    def element_names(self):
        return {c for (_, c) in self.pairs} | self.markup

    def attribute_names(self):
        return {a for (_, a) in self.attributes}


def _local(t):
    return t.split(':')[-1] if t else t


def walk(path):
    tree = ET.parse(path, parser=ET.XMLParser(target=_CommentBuilder()))
    root = tree.getroot()
    types = {n.get('name'): n for n in root if n.tag in (XS + 'complexType', XS + 'simpleType')}
    groups = {n.get('name'): n for n in root if n.tag == XS + 'group'}
    s = Schema()
    seen = set()

    def is_inline_ext(ct):
        if ct is None:
            return False
        ext = ct.find(XS + 'complexContent/' + XS + 'extension')
        return ext is not None and _local(ext.get('base')) == 'inline'

    def content_of(decl_node):
        """(the complexType node or None, type name or None) of an element declaration."""
        t = _local(decl_node.get('type'))
        if t:
            node = types.get(t)
            return (node if node is not None and node.tag == XS + 'complexType' else None), t
        ct = decl_node.find(XS + 'complexType')
        return ct, None

    def attributes(owner, ct, stack):
        if ct is None:
            return
        for a in ct:
            if a.tag == XS + 'attribute':
                name = a.get('name') or a.get('ref')
                typ = _local(a.get('type')) or ('enumeration' if a.find(XS + 'simpleType') is not None else 'string')
                s.attributes[(owner, name)] = typ
            elif a.tag in (XS + 'complexContent', XS + 'simpleContent'):
                for ext in a:
                    base = _local(ext.get('base'))
                    if base in types and types[base].tag == XS + 'complexType' and base not in stack:
                        attributes(owner, types[base], stack | {base})
                    attributes(owner, ext, stack)

    def particles(owner, node, in_inline, stack, prev_doc):
        """Element declarations under `node` (sequence, choice, group, extension)."""
        last_comment = ''
        for n in node:
            if n.tag is ET.Comment:
                last_comment = ' '.join((n.text or '').split())
                continue
            if n.tag == XS + 'element':
                child(owner, n, in_inline, stack, last_comment)
            elif n.tag in (XS + 'sequence', XS + 'choice', XS + 'all'):
                particles(owner, n, in_inline, stack, '')
            elif n.tag == XS + 'group':
                g = groups.get(_local(n.get('ref')))
                if g is not None:
                    particles(owner, g, in_inline, stack, '')
            elif n.tag in (XS + 'complexContent', XS + 'simpleContent'):
                for ext in n:
                    base = _local(ext.get('base'))
                    if base in types and types[base].tag == XS + 'complexType' and base not in stack:
                        particles(owner, types[base], base == 'inline' or in_inline, stack | {base}, '')
                    particles(owner, ext, in_inline, stack, '')
            if n.tag is not ET.Comment:
                last_comment = ''

    def child(parent, n, in_inline, stack, comment):
        name = n.get('name')
        ct, tname = content_of(n)
        is_text = tname == 'inline' or is_inline_ext(ct)
        is_string = tname in ('string', 'token') or (tname and tname not in types) or (
            tname in types and types[tname].tag == XS + 'simpleType')
        if ct is not None and ct.find(XS + 'simpleContent') is not None:
            is_string = True
        if in_inline:
            s.markup.add(name)
        else:
            d = Decl(name, tname, n, is_text, is_string and not is_text)
            d.doc = comment
            s.pairs.setdefault((parent, name), d)
            if is_text:
                s.texts.add(name)
        key = (parent if not in_inline else '#inline', name, tname)
        attributes(name, ct, set())
        if key in seen:
            return
        seen.add(key)
        if ct is not None:
            inl = in_inline or is_text
            particles(name, ct, inl, stack | ({tname} if tname else set()), '')

    for n in root:
        if n.tag == XS + 'element':
            s.roots.append(n.get('name'))
            child(None, n, False, set(), '')
    return s


class _CommentBuilder(ET.TreeBuilder):
    def __init__(self):
        super().__init__(insert_comments=True)


if __name__ == '__main__':
    import sys
    sch = walk(sys.argv[1])
    for (p, c), d in sorted(sch.pairs.items(), key=lambda x: (x[0][0] or '', x[0][1])):
        print(f'{p}/{c}', 'text' if d.is_text else ('string' if d.is_string else ''), d.doc[:60])
    print('markup', sorted(sch.markup))
    print('attributes', sorted(sch.attribute_names()))
