//! The document resolved: aliases followed, types indexed, base types checked, Rust names handed
//! out, polymorphic properties and recursion found, paths walked. Everything the emitter needs,
//! decided here in document order so the output is deterministic.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::csdl::{self, Document, Notes};
use crate::error::Error;
use crate::names::{self, Scope};
use crate::Options;

/// Where a generated item lives and what it is called.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RustName {
    /// Module path from the model's root, e.g. `["microsoft", "graph"]`.
    pub module: Vec<String>,
    /// The item's identifier.
    pub ident: String,
}

/// What a property's value is.
#[derive(Debug, Clone)]
pub enum Ty {
    /// An Edm primitive: the Rust type's path relative to the facade (`Int64`), or a std type.
    Edm(Primitive),
    /// An enum (flags when `flags`).
    Enum { name: RustName, flags: bool },
    /// A complex or entity type, read as itself.
    Structured(RustName),
    /// A base type read through its `Polymorphic` enum.
    Polymorphic(RustName),
}

/// The Rust types the Edm primitives map to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Primitive {
    String,
    Bool,
    U8,
    I8,
    I16,
    I32,
    /// A facade type: `Int64`, `Single`, `Double`, `Decimal`, `DateTimeOffset`, `Date`,
    /// `TimeOfDay`, `Duration`, `Guid`, `Binary`, `Value`.
    Facade(&'static str),
}

/// One field of a generated struct.
#[derive(Debug, Clone)]
pub struct Field {
    pub ident: String,
    pub wire: String,
    /// `rename` is needed.
    pub rename: bool,
    pub ty: Ty,
    pub collection: bool,
    /// Single-valued and held in a `Box` (navigation, or recursion by value).
    pub boxed: bool,
    pub read_only: bool,
    pub non_nullable: bool,
    pub navigation: bool,
    pub notes: Notes,
    /// The CSDL type as written, for the field's docs.
    pub csdl_type: String,
}

/// A generated struct.
#[derive(Debug, Clone)]
pub struct Struct {
    pub name: RustName,
    pub qualified: String,
    pub entity: bool,
    pub is_abstract: bool,
    pub open: bool,
    pub base: Option<String>,
    pub fields: Vec<Field>,
    pub annotations_field: String,
    pub additional_field: String,
    pub paths: Vec<(String, String)>,
    pub collections: Vec<(String, String)>,
    pub notes: Notes,
}

/// A generated enum.
#[derive(Debug, Clone)]
pub struct Enum {
    pub name: RustName,
    pub qualified: String,
    pub flags: bool,
    /// Variant identifier, wire name, rename needed, notes.
    pub members: Vec<(String, String, bool, Notes)>,
    pub other: String,
    pub notes: Notes,
}

/// A generated `Polymorphic` enum.
#[derive(Debug, Clone)]
pub struct Poly {
    pub name: RustName,
    pub base_qualified: String,
    /// Variant identifier, the type it holds and its qualified name; the first is the base.
    pub variants: Vec<(String, RustName, String)>,
    pub unknown: String,
    /// Derived types left to the unknown variant (the hierarchy is wider than the limit).
    pub left_out: usize,
}

/// An item in a module.
#[derive(Debug, Clone)]
pub enum Item {
    Enum(Enum),
    Struct(Struct),
    Poly(Poly),
}

/// The resolved model: items by module, modules in order.
#[derive(Debug, Default)]
pub struct Model {
    pub modules: BTreeMap<Vec<String>, Vec<Item>>,
}

/// A type of the document: where it is declared.
#[derive(Clone, Copy)]
enum Decl {
    Enum(usize, usize),
    Structured(usize, usize),
}

struct Resolver<'d> {
    doc: &'d Document,
    aliases: HashMap<String, String>,
    decls: BTreeMap<String, Decl>,
    order: Vec<String>,
    names: HashMap<String, RustName>,
    targeted: HashMap<String, Notes>,
}

impl<'d> Resolver<'d> {
    /// `graph.user` → `microsoft.graph.user`.
    fn qualify(&self, name: &str) -> String {
        match name.rfind('.') {
            Some(dot) => {
                let (ns, rest) = name.split_at(dot);
                match self.aliases.get(ns) {
                    Some(full) => format!("{full}{rest}"),
                    None => name.to_owned(),
                }
            }
            None => name.to_owned(),
        }
    }

    fn structured(&self, qualified: &str) -> Option<&'d csdl::StructuredType> {
        match self.decls.get(qualified)? {
            Decl::Structured(s, i) => Some(&self.doc.schemas[*s].types[*i]),
            Decl::Enum(..) => None,
        }
    }
}

/// Resolves a parsed document.
#[allow(clippy::too_many_lines)]
pub fn resolve(doc: &Document, options: &Options) -> Result<Model, Error> {
    let mut resolver = Resolver {
        doc,
        aliases: HashMap::new(),
        decls: BTreeMap::new(),
        order: Vec::new(),
        names: HashMap::new(),
        targeted: HashMap::new(),
    };
    for schema in &doc.schemas {
        if let Some(alias) = &schema.alias {
            resolver
                .aliases
                .insert(alias.clone(), schema.namespace.clone());
        }
    }
    // index every type; a name declared twice is an error
    for (s, schema) in doc.schemas.iter().enumerate() {
        let declared = schema
            .enums
            .iter()
            .enumerate()
            .map(|(i, e)| (&e.name, e.line, "EnumType", Decl::Enum(s, i)))
            .chain(schema.types.iter().enumerate().map(|(i, t)| {
                let tag = if t.entity {
                    "EntityType"
                } else {
                    "ComplexType"
                };
                (&t.name, t.line, tag, Decl::Structured(s, i))
            }));
        for (name, line, tag, decl) in declared {
            let qualified = format!("{}.{name}", schema.namespace);
            if resolver.decls.insert(qualified.clone(), decl).is_some() {
                return Err(Error::Element {
                    element: tag.to_owned(),
                    name: qualified,
                    line,
                    message: "a second type of this name in the document".to_owned(),
                });
            }
            resolver.order.push(qualified);
        }
    }
    for targeted in &doc.annotations {
        let target = match targeted.target.split_once('/') {
            Some((ty, rest)) => format!("{}/{rest}", resolver.qualify(ty)),
            None => resolver.qualify(&targeted.target),
        };
        let notes = resolver.targeted.entry(target).or_default();
        merge(notes, &targeted.notes);
    }
    check_bases(&resolver)?;
    name_types(&mut resolver);

    // derived types of each structured type, in document order
    let mut children: HashMap<String, Vec<String>> = HashMap::new();
    for qualified in &resolver.order {
        if let Some(t) = resolver.structured(qualified) {
            if let Some(base) = &t.base {
                children
                    .entry(resolver.qualify(base))
                    .or_default()
                    .push(qualified.clone());
            }
        }
    }
    let descendants = |base: &str| -> Vec<String> {
        let mut out = Vec::new();
        let mut queue = vec![base.to_owned()];
        while let Some(next) = queue.pop() {
            if let Some(kids) = children.get(&next) {
                for kid in kids.iter().rev() {
                    queue.push(kid.clone());
                }
                out.extend(kids.iter().cloned());
            }
        }
        let mut seen = BTreeSet::new();
        out.retain(|n| seen.insert(n.clone()));
        out
    };

    // every structured type's properties, flattened root first
    let mut flattened: HashMap<String, Vec<(&csdl::Property, String)>> = HashMap::new();
    for qualified in &resolver.order {
        if let Some(t) = resolver.structured(qualified) {
            let mut chain = vec![(t, qualified.clone())];
            let mut base = t.base.as_ref().map(|b| resolver.qualify(b));
            while let Some(b) = base {
                let parent = resolver
                    .structured(&b)
                    .ok_or_else(|| Error::Internal(b.clone()))?;
                base = parent.base.as_ref().map(|x| resolver.qualify(x));
                chain.push((parent, b));
            }
            let mut props = Vec::new();
            for (ty, owner) in chain.iter().rev() {
                for p in &ty.properties {
                    props.push((p, owner.clone()));
                }
            }
            flattened.insert(qualified.clone(), props);
        }
    }

    // resolve every property's type; find the bases read polymorphically
    let mut poly_bases: BTreeSet<String> = BTreeSet::new();
    let mut property_types: HashMap<(String, String), (bool, String)> = HashMap::new();
    for qualified in &resolver.order {
        let Some(t) = resolver.structured(qualified) else {
            continue;
        };
        for p in &t.properties {
            let (collection, inner) = match p.ty.strip_prefix("Collection(") {
                Some(rest) => (true, rest.strip_suffix(')').unwrap_or(rest)),
                None => (false, p.ty.as_str()),
            };
            let target = resolver.qualify(inner);
            let dangling = |message: String| Error::Element {
                element: if p.navigation {
                    "NavigationProperty".to_owned()
                } else {
                    "Property".to_owned()
                },
                name: format!("{qualified}/{}", p.name),
                line: p.line,
                message,
            };
            if let Some(edm) = target.strip_prefix("Edm.") {
                if primitive(edm).is_none() {
                    return Err(dangling(format!(
                        "`{inner}` is not an Edm primitive type this generator knows"
                    )));
                }
                if p.navigation {
                    return Err(dangling(format!(
                        "a navigation property must name an entity type, not `{inner}`"
                    )));
                }
            } else {
                match resolver.decls.get(&target) {
                    None => {
                        return Err(dangling(format!(
                            "the type `{inner}` is declared nowhere in the document"
                        )))
                    }
                    Some(Decl::Enum(..)) if p.navigation => {
                        return Err(dangling(format!(
                            "a navigation property must name an entity type, not the enum `{inner}`"
                        )))
                    }
                    Some(Decl::Structured(..)) => {
                        let concrete = descendants(&target)
                            .iter()
                            .any(|d| resolver.structured(d).is_some_and(|t| !t.is_abstract));
                        if concrete {
                            poly_bases.insert(target.clone());
                        }
                    }
                    Some(Decl::Enum(..)) => {}
                }
            }
            property_types.insert((qualified.clone(), p.name.clone()), (collection, target));
        }
    }

    // the Polymorphic enums: one per base, named `Any{Base}`
    let mut scopes: HashMap<Vec<String>, Scope> = HashMap::new();
    for qualified in &resolver.order {
        let name = &resolver.names[qualified];
        scopes
            .entry(name.module.clone())
            .or_default()
            .claim(&name.ident, "");
    }
    let mut polys: BTreeMap<String, Poly> = BTreeMap::new();
    for qualified in &resolver.order {
        if !poly_bases.contains(qualified) {
            continue;
        }
        let base_name = resolver.names[qualified].clone();
        let ident = scopes
            .entry(base_name.module.clone())
            .or_default()
            .claim(&format!("Any{}", base_name.ident), "");
        let mut variant_scope = Scope::default();
        let mut variants = vec![(
            variant_scope.claim(&base_name.ident, ""),
            base_name.clone(),
            qualified.clone(),
        )];
        let concrete: Vec<String> = descendants(qualified)
            .into_iter()
            .filter(|d| resolver.structured(d).is_some_and(|t| !t.is_abstract))
            .collect();
        let left_out = if concrete.len() > options.max_variants {
            concrete.len()
        } else {
            for d in &concrete {
                let name = resolver.names[d].clone();
                let wanted = if variant_scope.contains(&name.ident) {
                    format!(
                        "{}{}",
                        names::to_upper_camel(name.module.last().map_or("", String::as_str)),
                        name.ident
                    )
                } else {
                    name.ident.clone()
                };
                variants.push((variant_scope.claim(&wanted, ""), name, d.clone()));
            }
            0
        };
        let unknown = variant_scope.claim("Unknown", "");
        polys.insert(
            qualified.clone(),
            Poly {
                name: RustName {
                    module: base_name.module.clone(),
                    ident,
                },
                base_qualified: qualified.clone(),
                variants,
                unknown,
                left_out,
            },
        );
    }

    // single-valued complex properties that make a type contain itself: boxed
    let recursive = recursive_edges(&resolver, &property_types, &polys);

    // paths
    let (paths, collections) = walk_paths(&resolver, &flattened, &property_types, options)?;

    let mut model = Model::default();
    for qualified in &resolver.order {
        let name = resolver.names[qualified].clone();
        let item = match resolver.decls[qualified] {
            Decl::Enum(s, i) => {
                let e = &doc.schemas[s].enums[i];
                let mut scope = Scope::default();
                let mut members = Vec::new();
                for m in &e.members {
                    let ident =
                        scope.claim(&names::ident_text(&names::to_upper_camel(&m.name)), "");
                    let rename = names::pascal_to_lower_camel(ident.trim_end_matches('_'))
                        != m.name
                        || ident.ends_with('_');
                    let mut notes = m.notes.clone();
                    if let Some(t) = resolver.targeted.get(&format!("{qualified}/{}", m.name)) {
                        merge(&mut notes, t);
                    }
                    members.push((ident, m.name.clone(), rename, notes));
                }
                let wanted = ["Other", "UnknownMember", "OtherMember"]
                    .into_iter()
                    .find(|c| !scope.contains(c))
                    .unwrap_or("Other");
                let other = scope.claim(wanted, "");
                Item::Enum(Enum {
                    name: name.clone(),
                    qualified: qualified.clone(),
                    flags: e.flags,
                    members,
                    other,
                    notes: notes_for(&resolver, qualified, &e.notes),
                })
            }
            Decl::Structured(s, i) => {
                let t = &doc.schemas[s].types[i];
                let keys = key_of(&resolver, t);
                let reserved: &[&str] = if t.entity {
                    &["build", "if_match", "header", "diff", "__base"]
                } else {
                    &["__base"]
                };
                let mut scope = Scope::with(reserved);
                let mut fields = Vec::new();
                for (p, owner) in &flattened[qualified] {
                    let (collection, target) =
                        property_types[&(owner.clone(), p.name.clone())].clone();
                    let ident = scope.claim(&names::ident_text(&names::to_snake(&p.name)), "_");
                    let rename = names::snake_to_lower_camel(&ident) != p.name;
                    let mut notes = p.notes.clone();
                    if let Some(t) = resolver.targeted.get(&format!("{owner}/{}", p.name)) {
                        merge(&mut notes, t);
                    }
                    let ty = if let Some(edm) = target.strip_prefix("Edm.") {
                        Ty::Edm(primitive(edm).unwrap_or(Primitive::String))
                    } else if let Some(poly) = polys.get(&target) {
                        Ty::Polymorphic(poly.name.clone())
                    } else {
                        match resolver.decls[&target] {
                            Decl::Enum(es, ei) => Ty::Enum {
                                name: resolver.names[&target].clone(),
                                flags: doc.schemas[es].enums[ei].flags,
                            },
                            Decl::Structured(..) => Ty::Structured(resolver.names[&target].clone()),
                        }
                    };
                    let stream = target == "Edm.Stream";
                    let read_only = p.navigation
                        || stream
                        || keys.contains(&p.name)
                        || notes.computed
                        || notes.read_only;
                    let boxed = !collection
                        && (p.navigation
                            || (matches!(ty, Ty::Structured(_))
                                && recursive.contains(&(qualified.clone(), target.clone()))));
                    fields.push(Field {
                        ident,
                        wire: p.name.clone(),
                        rename,
                        ty,
                        collection,
                        boxed,
                        read_only,
                        non_nullable: !p.nullable && !read_only,
                        navigation: p.navigation,
                        notes,
                        csdl_type: p.ty.clone(),
                    });
                }
                let annotations_field = scope.claim("annotations", "_");
                let additional_field = scope.claim("additional", "_");
                Item::Struct(Struct {
                    name: name.clone(),
                    qualified: qualified.clone(),
                    entity: t.entity,
                    is_abstract: t.is_abstract,
                    open: t.open,
                    base: t.base.as_ref().map(|b| resolver.qualify(b)),
                    fields,
                    annotations_field,
                    additional_field,
                    paths: paths.get(qualified).cloned().unwrap_or_default(),
                    collections: collections.get(qualified).cloned().unwrap_or_default(),
                    notes: notes_for(&resolver, qualified, &t.notes),
                })
            }
        };
        model
            .modules
            .entry(name.module.clone())
            .or_default()
            .push(item);
        if let Some(poly) = polys.get(qualified) {
            model
                .modules
                .entry(poly.name.module.clone())
                .or_default()
                .push(Item::Poly(poly.clone()));
        }
    }
    Ok(model)
}

fn notes_for(resolver: &Resolver<'_>, target: &str, inline: &Notes) -> Notes {
    let mut notes = inline.clone();
    if let Some(t) = resolver.targeted.get(target) {
        merge(&mut notes, t);
    }
    notes
}

fn merge(into: &mut Notes, from: &Notes) {
    if from.description.is_some() {
        into.description.clone_from(&from.description);
    }
    if from.long_description.is_some() {
        into.long_description.clone_from(&from.long_description);
    }
    into.computed |= from.computed;
    into.read_only |= from.read_only;
}

/// The Rust type of an Edm primitive.
fn primitive(edm: &str) -> Option<Primitive> {
    Some(match edm {
        "String" | "Stream" => Primitive::String,
        "Boolean" => Primitive::Bool,
        "Byte" => Primitive::U8,
        "SByte" => Primitive::I8,
        "Int16" => Primitive::I16,
        "Int32" => Primitive::I32,
        "Int64" => Primitive::Facade("Int64"),
        "Single" => Primitive::Facade("Single"),
        "Double" => Primitive::Facade("Double"),
        "Decimal" => Primitive::Facade("Decimal"),
        "DateTimeOffset" => Primitive::Facade("DateTimeOffset"),
        "Date" => Primitive::Facade("Date"),
        "TimeOfDay" => Primitive::Facade("TimeOfDay"),
        "Duration" => Primitive::Facade("Duration"),
        "Guid" => Primitive::Facade("Guid"),
        "Binary" => Primitive::Facade("Binary"),
        "Untyped" | "PrimitiveType" | "ComplexType" | "EntityType" => Primitive::Facade("Value"),
        geo if geo.starts_with("Geography") || geo.starts_with("Geometry") => {
            Primitive::Facade("Value")
        }
        _ => return None,
    })
}

/// Every base type exists and is of the same kind; no type is its own ancestor.
fn check_bases(resolver: &Resolver<'_>) -> Result<(), Error> {
    for qualified in &resolver.order {
        let Some(t) = resolver.structured(qualified) else {
            continue;
        };
        let tag = if t.entity {
            "EntityType"
        } else {
            "ComplexType"
        };
        let mut seen = vec![qualified.clone()];
        let mut current = t;
        while let Some(base) = &current.base {
            let base = resolver.qualify(base);
            let Some(parent) = resolver.structured(&base) else {
                let what = if resolver.decls.contains_key(&base) {
                    "is an enum, not a structured type"
                } else {
                    "is declared nowhere in the document"
                };
                return Err(Error::Element {
                    element: tag.to_owned(),
                    name: qualified.clone(),
                    line: t.line,
                    message: format!("the base type `{base}` {what}"),
                });
            };
            if parent.entity != t.entity {
                return Err(Error::Element {
                    element: tag.to_owned(),
                    name: qualified.clone(),
                    line: t.line,
                    message: format!(
                        "the base type `{base}` is an {} type; a type derives from its own kind",
                        if parent.entity { "entity" } else { "complex" }
                    ),
                });
            }
            if seen.contains(&base) {
                seen.push(base);
                return Err(Error::Element {
                    element: tag.to_owned(),
                    name: qualified.clone(),
                    line: t.line,
                    message: format!("its base types form a cycle: {}", seen.join(" → ")),
                });
            }
            seen.push(base);
            current = parent;
        }
    }
    Ok(())
}

/// Hands out the Rust name of every type, module by module in document order.
fn name_types(resolver: &mut Resolver<'_>) {
    let mut scopes: HashMap<Vec<String>, Scope> = HashMap::new();
    for qualified in &resolver.order {
        let (namespace, local) = qualified.rsplit_once('.').unwrap_or(("", qualified));
        let module: Vec<String> = namespace.split('.').map(names::module_name).collect();
        let wanted = names::ident_text(&names::to_upper_camel(local));
        let ident = scopes.entry(module.clone()).or_default().claim(&wanted, "");
        resolver
            .names
            .insert(qualified.clone(), RustName { module, ident });
    }
}

/// The key properties of an entity type (declared on it or an ancestor).
fn key_of(resolver: &Resolver<'_>, t: &csdl::StructuredType) -> Vec<String> {
    let mut current = Some(t);
    while let Some(ty) = current {
        if !ty.key.is_empty() {
            return ty.key.clone();
        }
        current = ty
            .base
            .as_ref()
            .and_then(|b| resolver.structured(&resolver.qualify(b)));
    }
    Vec::new()
}

/// The (owner, target) pairs of single-valued structured properties that lie on a cycle of
/// such properties: those are boxed, or the type would contain itself.
fn recursive_edges(
    resolver: &Resolver<'_>,
    property_types: &HashMap<(String, String), (bool, String)>,
    polys: &BTreeMap<String, Poly>,
) -> BTreeSet<(String, String)> {
    // edges of by-value containment, following inheritance (a type holds its bases' properties)
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for qualified in &resolver.order {
        let Some(mut t) = resolver.structured(qualified) else {
            continue;
        };
        let mut owner = qualified.clone();
        loop {
            for p in &t.properties {
                let (collection, target) = &property_types[&(owner.clone(), p.name.clone())];
                if !*collection
                    && !p.navigation
                    && !polys.contains_key(target)
                    && resolver.structured(target).is_some()
                {
                    edges
                        .entry(qualified.clone())
                        .or_default()
                        .insert(target.clone());
                }
            }
            match &t.base {
                Some(b) => {
                    owner = resolver.qualify(b);
                    match resolver.structured(&owner) {
                        Some(parent) => t = parent,
                        None => break,
                    }
                }
                None => break,
            }
        }
    }
    // an edge a → b is on a cycle when a is reachable from b
    let mut out = BTreeSet::new();
    for (from, targets) in &edges {
        for to in targets {
            let mut stack = vec![to.clone()];
            let mut seen = BTreeSet::new();
            while let Some(next) = stack.pop() {
                if &next == from {
                    out.insert((from.clone(), to.clone()));
                    break;
                }
                if seen.insert(next.clone()) {
                    if let Some(more) = edges.get(&next) {
                        stack.extend(more.iter().cloned());
                    }
                }
            }
        }
    }
    out
}

type PathMap = HashMap<String, Vec<(String, String)>>;

/// Entity sets, singletons and containment navigation below them, to `options.max_depth`
/// containment steps: (constructor name, template) per entity type, and collection paths.
fn walk_paths(
    resolver: &Resolver<'_>,
    flattened: &HashMap<String, Vec<(&csdl::Property, String)>>,
    property_types: &HashMap<(String, String), (bool, String)>,
    options: &Options,
) -> Result<(PathMap, PathMap), Error> {
    struct Walk<'a, 'd> {
        resolver: &'a Resolver<'d>,
        flattened: &'a HashMap<String, Vec<(&'d csdl::Property, String)>>,
        property_types: &'a HashMap<(String, String), (bool, String)>,
        options: &'a Options,
        paths: PathMap,
        collections: PathMap,
        scopes: HashMap<String, Scope>,
        collection_scopes: HashMap<String, Scope>,
        /// Paths still to look below: template, type, constructor name, depth.
        queue: std::collections::VecDeque<(String, String, String, usize)>,
    }
    impl Walk<'_, '_> {
        /// Records a path of `ty` (up to the limit; the walk visits shallow paths first, so
        /// the ones left out are the deepest) and queues what lies below it.
        fn add(
            &mut self,
            ty: &str,
            name: &str,
            template: String,
            collection: Option<String>,
            depth: usize,
        ) {
            let paths = self.paths.entry(ty.to_owned()).or_default();
            if paths.len() < self.options.max_paths {
                let claimed = self
                    .scopes
                    .entry(ty.to_owned())
                    .or_default()
                    .claim(name, "_");
                paths.push((claimed, template.clone()));
            }
            if let Some(collection) = collection {
                let collections = self.collections.entry(ty.to_owned()).or_default();
                if collections.len() < self.options.max_paths {
                    let claimed = self
                        .collection_scopes
                        .entry(ty.to_owned())
                        .or_default()
                        .claim(name, "_");
                    collections.push((claimed, collection));
                }
            }
            self.queue
                .push_back((template, ty.to_owned(), name.to_owned(), depth));
        }

        /// The contained navigation properties below one path.
        fn below(&mut self, path: &str, ty: &str, name: &str, depth: usize) {
            if depth >= self.options.max_depth {
                return;
            }
            let Some(props) = self.flattened.get(ty) else {
                return;
            };
            for (p, owner) in props.clone() {
                if !p.navigation || !p.contains_target {
                    continue;
                }
                let (collection, target) = self.property_types[&(owner, p.name.clone())].clone();
                let child_name = format!("{name}_{}", names::to_snake(&p.name));
                let (child, list) = if collection {
                    let local = target.rsplit('.').next().unwrap_or(&target);
                    let placeholder = free_placeholder(path, local);
                    (
                        format!("{path}/{}/{{{placeholder}}}", p.name),
                        Some(format!("{path}/{}", p.name)),
                    )
                } else {
                    (format!("{path}/{}", p.name), None)
                };
                self.add(&target, &child_name, child, list, depth + 1);
            }
        }
    }
    let mut walk = Walk {
        resolver,
        flattened,
        property_types,
        options,
        paths: HashMap::new(),
        collections: HashMap::new(),
        scopes: HashMap::new(),
        collection_scopes: HashMap::new(),
        queue: std::collections::VecDeque::new(),
    };
    for schema in &resolver.doc.schemas {
        for container in &schema.containers {
            let roots = container
                .sets
                .iter()
                .map(|s| (s, true, "EntitySet"))
                .chain(container.singletons.iter().map(|s| (s, false, "Singleton")));
            for (root, is_set, tag) in roots {
                let ty = walk.resolver.qualify(&root.ty);
                match walk.resolver.structured(&ty) {
                    Some(t) if t.entity => {}
                    _ => {
                        return Err(Error::Element {
                            element: tag.to_owned(),
                            name: root.name.clone(),
                            line: root.line,
                            message: format!("`{}` is not an entity type of the document", root.ty),
                        })
                    }
                }
                let name = names::to_snake(&root.name);
                let (path, list) = if is_set {
                    let local = ty.rsplit('.').next().unwrap_or(&ty);
                    (
                        format!("/{}/{{{local}-id}}", root.name),
                        Some(format!("/{}", root.name)),
                    )
                } else {
                    (format!("/{}", root.name), None)
                };
                walk.add(&ty, &name, path, list, 0);
            }
        }
    }
    // breadth first: every root, then everything one step below them, …
    while let Some((path, ty, name, depth)) = walk.queue.pop_front() {
        walk.below(&path, &ty, &name, depth);
    }
    Ok((walk.paths, walk.collections))
}

/// `{local-id}`, or `{local-id1}`, `{local-id2}`, … when the path already has it.
fn free_placeholder(path: &str, local: &str) -> String {
    let first = format!("{local}-id");
    if !path.contains(&format!("{{{first}}}")) {
        return first;
    }
    (1..)
        .map(|n| format!("{local}-id{n}"))
        .find(|p| !path.contains(&format!("{{{p}}}")))
        .unwrap_or(first)
}
