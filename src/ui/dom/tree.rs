//! The report as it is to be shown, built in memory first (a tree of parts: no DOM call), then
//! put into the page: whole the first time, and afterwards only where it differs from the tree
//! shown last. A keystroke changes a few figures; building the whole report's elements to find
//! those few cost most of a keystroke (each element, attribute and text is a call out of wasm).

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, HtmlElement};

type R<T> = Result<T, JsValue>;

/// A part's place in its tree.
pub type Id = usize;

/// One element: its name, attributes (the class among them), CSS custom properties (set through
/// the CSSOM, which a strict Content-Security-Policy allows), its text, then its child elements.
struct Part {
    tag: &'static str,
    attrs: Vec<(&'static str, String)>,
    style: Vec<(&'static str, String)>,
    /// The text before the children ("" is no text node, as `textContent = ""` gives).
    text: String,
    children: Vec<Id>,
}

/// The parts of one report; the first is its root.
pub struct Tree {
    parts: Vec<Part>,
}

impl Tree {
    /// A tree of one root element.
    pub fn new(tag: &'static str, class: &str) -> Self {
        let mut tree = Tree { parts: Vec::new() };
        tree.push(tag, class);
        tree
    }

    pub const ROOT: Id = 0;

    fn push(&mut self, tag: &'static str, class: &str) -> Id {
        let mut attrs = Vec::new();
        if !class.is_empty() {
            attrs.push(("class", class.to_string()));
        }
        self.parts.push(Part {
            tag,
            attrs,
            style: Vec::new(),
            text: String::new(),
            children: Vec::new(),
        });
        self.parts.len() - 1
    }

    /// A new element `tag` with `class` ("" for none), last in `parent`.
    pub fn el(&mut self, parent: Id, tag: &'static str, class: &str) -> Id {
        let id = self.push(tag, class);
        if let Some(p) = self.parts.get_mut(parent) {
            p.children.push(id);
        }
        id
    }

    /// Sets an attribute of `id`.
    pub fn attr(&mut self, id: Id, name: &'static str, value: &str) {
        if let Some(p) = self.parts.get_mut(id) {
            match p.attrs.iter_mut().find(|(n, _)| *n == name) {
                Some((_, v)) => *v = value.to_string(),
                None => p.attrs.push((name, value.to_string())),
            }
        }
    }

    /// Sets a CSS custom property of `id` (`--w`: a bar's width).
    pub fn style(&mut self, id: Id, name: &'static str, value: String) {
        if let Some(p) = self.parts.get_mut(id) {
            p.style.push((name, value));
        }
    }

    /// Sets the text of `id` (as text, never as markup).
    pub fn text(&mut self, id: Id, text: &str) {
        if let Some(p) = self.parts.get_mut(id) {
            p.text = text.to_string();
        }
    }

    fn part(&self, id: Id) -> R<&Part> {
        self.parts
            .get(id)
            .ok_or_else(|| JsValue::from_str("report view: a part out of its tree"))
    }
}

/// A tree as it is in the page: each part's element, by the part's id.
pub struct Shown {
    tree: Tree,
    elements: Vec<Option<Element>>,
}

impl Shown {
    /// The root element.
    pub fn root(&self) -> Option<&Element> {
        self.elements.first().and_then(Option::as_ref)
    }

    /// Builds every element of `tree`.
    pub fn mount(doc: &Document, tree: Tree) -> R<Shown> {
        let mut elements = vec![None; tree.parts.len()];
        mount_part(doc, &tree, Tree::ROOT, &mut elements)?;
        Ok(Shown { tree, elements })
    }

    /// Changes the elements shown into `tree`'s, touching only what differs from the tree shown
    /// last: the result is what mounting `tree` gives (the elements a reader opened or closed
    /// keep their `open`, which the tree sets only by default).
    pub fn update(self, doc: &Document, tree: Tree) -> R<Shown> {
        let mut elements = vec![None; tree.parts.len()];
        let mut patch = Patch {
            doc,
            old: &self,
            new: &tree,
            elements: &mut elements,
        };
        patch.part(Tree::ROOT, Tree::ROOT)?;
        Ok(Shown { tree, elements })
    }
}

/// Creates the element of part `id` and its children's, recording each in `elements`.
fn mount_part(doc: &Document, tree: &Tree, id: Id, elements: &mut [Option<Element>]) -> R<Element> {
    let part = tree.part(id)?;
    let e = doc.create_element(part.tag)?;
    for (name, value) in &part.attrs {
        e.set_attribute(name, value)?;
    }
    set_style(&e, &part.style)?;
    if !part.text.is_empty() {
        e.set_text_content(Some(&part.text));
    }
    for &child in &part.children {
        let c = mount_part(doc, tree, child, elements)?;
        e.append_child(&c)?;
    }
    if let Some(slot) = elements.get_mut(id) {
        *slot = Some(e.clone());
    }
    Ok(e)
}

fn set_style(e: &Element, style: &[(&'static str, String)]) -> R<()> {
    if style.is_empty() {
        return Ok(());
    }
    if let Some(h) = e.dyn_ref::<HtmlElement>() {
        let css = h.style();
        for (name, value) in style {
            css.set_property(name, value)?;
        }
    }
    Ok(())
}

struct Patch<'a> {
    doc: &'a Document,
    old: &'a Shown,
    new: &'a Tree,
    elements: &'a mut [Option<Element>],
}

impl Patch<'_> {
    /// Makes the element of old part `o` show new part `n` (or puts a new one in its place).
    fn part(&mut self, o: Id, n: Id) -> R<()> {
        let old = self.old.tree.part(o)?;
        let new = self.new.part(n)?;
        let element = self
            .old
            .elements
            .get(o)
            .and_then(Option::as_ref)
            .ok_or_else(|| JsValue::from_str("report view: a part without its element"))?;
        // Another element, or a text beside children that changed: built again.
        let rebuilt = old.tag != new.tag
            || old.style.len() != new.style.len()
            || (old.text != new.text && !(old.children.is_empty() && new.children.is_empty()));
        if rebuilt {
            let fresh = mount_part(self.doc, self.new, n, self.elements)?;
            if let Some(parent) = element.parent_node() {
                parent.replace_child(&fresh, element)?;
            }
            return Ok(());
        }
        self.attributes(element, &old.attrs, &new.attrs)?;
        if old.style != new.style {
            set_style(element, &new.style)?;
        }
        if old.text != new.text {
            element.set_text_content((!new.text.is_empty()).then_some(new.text.as_str()));
        }
        self.children(element, &old.children, &new.children)?;
        if let Some(slot) = self.elements.get_mut(n) {
            *slot = Some(element.clone());
        }
        Ok(())
    }

    fn attributes(
        &self,
        e: &Element,
        old: &[(&'static str, String)],
        new: &[(&'static str, String)],
    ) -> R<()> {
        for (name, value) in new {
            if !old.iter().any(|(n, v)| n == name && v == value) {
                e.set_attribute(name, value)?;
            }
        }
        for (name, _) in old {
            if !new.iter().any(|(n, _)| n == name) {
                e.remove_attribute(name)?;
            }
        }
        Ok(())
    }

    /// The children in order: the first ones patched pairwise, then those left over removed or added.
    fn children(&mut self, e: &Element, old: &[Id], new: &[Id]) -> R<()> {
        for (&o, &n) in old.iter().zip(new) {
            self.part(o, n)?;
        }
        for &o in old.iter().skip(new.len()) {
            if let Some(gone) = self.old.elements.get(o).and_then(Option::as_ref) {
                e.remove_child(gone)?;
            }
        }
        for &n in new.iter().skip(old.len()) {
            let added = mount_part(self.doc, self.new, n, self.elements)?;
            e.append_child(&added)?;
        }
        Ok(())
    }
}
