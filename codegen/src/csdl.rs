//! Reading CSDL XML into plain structures: what the document says, names as written (aliases not
//! yet resolved), with the line of each element for error messages.

use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

use crate::error::Error;

/// A whole `$metadata` document.
#[derive(Debug, Default)]
pub struct Document {
    pub schemas: Vec<Schema>,
    /// Out-of-line `<Annotations Target="…">` blocks, in document order.
    pub annotations: Vec<Targeted>,
}

/// One `<Schema>`.
#[derive(Debug, Default)]
pub struct Schema {
    pub namespace: String,
    pub alias: Option<String>,
    pub enums: Vec<EnumType>,
    pub types: Vec<StructuredType>,
    pub containers: Vec<Container>,
}

/// `<EnumType>`.
#[derive(Debug, Default)]
pub struct EnumType {
    pub name: String,
    pub flags: bool,
    pub members: Vec<Named>,
    pub notes: Notes,
    pub line: usize,
}

/// An enum member or an entity set / singleton.
#[derive(Debug, Default)]
pub struct Named {
    pub name: String,
    /// A set's entity type or a singleton's type; empty for members.
    pub ty: String,
    pub notes: Notes,
    pub line: usize,
}

/// `<EntityType>` or `<ComplexType>`.
#[derive(Debug, Default)]
pub struct StructuredType {
    pub entity: bool,
    pub name: String,
    pub base: Option<String>,
    pub is_abstract: bool,
    pub open: bool,
    pub key: Vec<String>,
    pub properties: Vec<Property>,
    pub notes: Notes,
    pub line: usize,
}

/// `<Property>` or `<NavigationProperty>`.
#[derive(Debug, Default)]
pub struct Property {
    pub name: String,
    /// As written: `Edm.String`, `graph.identitySet`, `Collection(…)`.
    pub ty: String,
    pub nullable: bool,
    pub navigation: bool,
    pub contains_target: bool,
    pub notes: Notes,
    pub line: usize,
}

/// `<EntityContainer>`.
#[derive(Debug, Default)]
pub struct Container {
    pub sets: Vec<Named>,
    pub singletons: Vec<Named>,
}

/// What the generator reads from annotations.
#[derive(Debug, Default, Clone)]
pub struct Notes {
    pub description: Option<String>,
    pub long_description: Option<String>,
    /// `Org.OData.Core.V1.Computed`.
    pub computed: bool,
    /// `Org.OData.Core.V1.Permissions` with only `Read`.
    pub read_only: bool,
}

/// `<Annotations Target="…">`.
#[derive(Debug, Default)]
pub struct Targeted {
    pub target: String,
    pub notes: Notes,
}

/// Where an element's annotations go.
#[derive(Clone, Copy)]
enum Owner {
    Enum(usize, usize),
    Member(usize, usize, usize),
    Type(usize, usize),
    Property(usize, usize, usize),
    Set(usize, usize, usize),
    Singleton(usize, usize, usize),
    Targeted(usize),
}

/// One open element.
enum Frame {
    Schema(usize),
    Owner(Owner),
    Container(usize, usize),
    Key,
    /// An `<Annotation>`: its term, what it annotates, and the text of its `String` /
    /// `EnumMember` children.
    Annotation {
        term: String,
        owner: Option<Owner>,
        text: Vec<String>,
    },
    /// `<String>` or `<EnumMember>` directly inside an `<Annotation>`.
    AnnotationText,
    Other,
}

/// Parses a CSDL document.
pub fn parse(xml: &str) -> Result<Document, Error> {
    let mut reader = Reader::from_str(xml);
    reader.config_mut().trim_text(true);
    let mut doc = Document::default();
    let mut stack: Vec<Frame> = Vec::new();
    let mut seen_root = false;
    let mut lines = Lines::default();
    loop {
        let at = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        let event = reader.read_event().map_err(|e| Error::Xml {
            line: line_of(
                xml,
                usize::try_from(reader.error_position()).unwrap_or(usize::MAX),
            ),
            message: e.to_string(),
        })?;
        // the element starts after the whitespace before it
        let start = at
            + xml
                .get(at..)
                .map_or(0, |rest| rest.len() - rest.trim_start().len());
        let line = lines.at(xml, start);
        match event {
            Event::Start(e) => {
                seen_root = true;
                let frame = open(&mut doc, &stack, &e, line)?;
                stack.push(frame);
            }
            Event::Empty(e) => {
                seen_root = true;
                let frame = open(&mut doc, &stack, &e, line)?;
                close(&mut doc, frame);
            }
            Event::End(_) => {
                if let Some(frame) = stack.pop() {
                    close(&mut doc, frame);
                }
            }
            Event::Text(t) => {
                if let Some(Frame::AnnotationText) = stack.last() {
                    let text = t
                        .xml_content(XmlVersion::Implicit1_0)
                        .map_err(|e| Error::Xml {
                            line,
                            message: e.to_string(),
                        })?;
                    if let Some(Frame::Annotation { text: texts, .. }) =
                        stack.iter_mut().rev().nth(1)
                    {
                        texts.push(text.into_owned());
                    }
                }
            }
            Event::GeneralRef(r) => {
                // an entity reference in annotation text (`&amp;`)
                if let Some(Frame::AnnotationText) = stack.last() {
                    let name = String::from_utf8_lossy(&r).into_owned();
                    let text = match name.as_str() {
                        "amp" => "&".to_owned(),
                        "lt" => "<".to_owned(),
                        "gt" => ">".to_owned(),
                        "quot" => "\"".to_owned(),
                        "apos" => "'".to_owned(),
                        other => char_ref(other).map_or_else(String::new, String::from),
                    };
                    if let Some(Frame::Annotation { text: texts, .. }) =
                        stack.iter_mut().rev().nth(1)
                    {
                        texts.push(text);
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !seen_root || doc.schemas.is_empty() {
        return Err(Error::Xml {
            line: 1,
            message: "no <Schema> element: this is not a CSDL document".to_owned(),
        });
    }
    if !stack.is_empty() {
        return Err(Error::Xml {
            line: line_of(xml, xml.len()),
            message: "the document ends inside an element".to_owned(),
        });
    }
    Ok(doc)
}

/// `#x26` / `#38` → the character.
fn char_ref(name: &str) -> Option<char> {
    let code = name.strip_prefix('#')?;
    let value = match code.strip_prefix('x') {
        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
        None => code.parse().ok()?,
    };
    char::from_u32(value)
}

/// Line numbers of increasing offsets, counted once.
#[derive(Default)]
struct Lines {
    offset: usize,
    line: usize,
}

impl Lines {
    fn at(&mut self, xml: &str, at: usize) -> usize {
        let at = at.min(xml.len());
        if at < self.offset {
            return line_of(xml, at);
        }
        self.line += xml.as_bytes()[self.offset..at]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        self.offset = at;
        self.line + 1
    }
}

fn line_of(xml: &str, at: usize) -> usize {
    let at = at.min(xml.len());
    xml.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() + 1
}

/// An attribute's value, unescaped.
fn attr(e: &BytesStart<'_>, name: &str, line: usize) -> Result<Option<String>, Error> {
    for a in e.attributes() {
        let a = a.map_err(|err| Error::Xml {
            line,
            message: err.to_string(),
        })?;
        if a.key.local_name().as_ref() == name.as_bytes() {
            let value = a
                .normalized_value(XmlVersion::Implicit1_0)
                .map_err(|err| Error::Xml {
                    line,
                    message: err.to_string(),
                })?;
            return Ok(Some(value.into_owned()));
        }
    }
    Ok(None)
}

fn required(e: &BytesStart<'_>, element: &str, name: &str, line: usize) -> Result<String, Error> {
    attr(e, name, line)?.ok_or_else(|| Error::Element {
        element: element.to_owned(),
        name: String::new(),
        line,
        message: format!("the required attribute `{name}` is missing"),
    })
}

fn flag(e: &BytesStart<'_>, name: &str, line: usize) -> Result<bool, Error> {
    Ok(attr(e, name, line)?.is_some_and(|v| v == "true"))
}

/// The frame an element opens; records the element in `doc`.
fn open(
    doc: &mut Document,
    stack: &[Frame],
    e: &BytesStart<'_>,
    line: usize,
) -> Result<Frame, Error> {
    let local = e.local_name();
    let tag = std::str::from_utf8(local.as_ref()).unwrap_or("");
    let parent = stack.last();
    let schema = stack.iter().rev().find_map(|f| match f {
        Frame::Schema(s) => Some(*s),
        _ => None,
    });
    Ok(match (tag, parent, schema) {
        ("Schema", _, _) => {
            let namespace = required(e, "Schema", "Namespace", line)?;
            doc.schemas.push(Schema {
                namespace,
                alias: attr(e, "Alias", line)?,
                ..Schema::default()
            });
            Frame::Schema(doc.schemas.len() - 1)
        }
        ("EnumType", Some(Frame::Schema(_)), Some(s)) => {
            let name = required(e, "EnumType", "Name", line)?;
            let enums = &mut doc.schemas[s].enums;
            enums.push(EnumType {
                name,
                flags: flag(e, "IsFlags", line)?,
                line,
                ..EnumType::default()
            });
            Frame::Owner(Owner::Enum(s, enums.len() - 1))
        }
        ("Member", Some(Frame::Owner(Owner::Enum(s, i))), _) => {
            let (s, i) = (*s, *i);
            let name = required(e, "Member", "Name", line)?;
            let members = &mut doc.schemas[s].enums[i].members;
            members.push(Named {
                name,
                line,
                ..Named::default()
            });
            Frame::Owner(Owner::Member(s, i, members.len() - 1))
        }
        ("EntityType" | "ComplexType", Some(Frame::Schema(_)), Some(s)) => {
            let name = required(e, tag, "Name", line)?;
            let types = &mut doc.schemas[s].types;
            types.push(StructuredType {
                entity: tag == "EntityType",
                name,
                base: attr(e, "BaseType", line)?,
                is_abstract: flag(e, "Abstract", line)?,
                open: flag(e, "OpenType", line)?,
                line,
                ..StructuredType::default()
            });
            Frame::Owner(Owner::Type(s, types.len() - 1))
        }
        ("Key", Some(Frame::Owner(Owner::Type(..))), _) => Frame::Key,
        ("PropertyRef", Some(Frame::Key), _) => {
            let name = required(e, "PropertyRef", "Name", line)?;
            if let Some(Frame::Owner(Owner::Type(s, i))) = stack.iter().rev().nth(1) {
                doc.schemas[*s].types[*i].key.push(name);
            }
            Frame::Other
        }
        ("Property" | "NavigationProperty", Some(Frame::Owner(Owner::Type(s, i))), _) => {
            let (s, i) = (*s, *i);
            let name = required(e, tag, "Name", line)?;
            let ty = attr(e, "Type", line)?.ok_or_else(|| Error::Element {
                element: tag.to_owned(),
                name: name.clone(),
                line,
                message: "the required attribute `Type` is missing".to_owned(),
            })?;
            let properties = &mut doc.schemas[s].types[i].properties;
            properties.push(Property {
                name,
                ty,
                nullable: attr(e, "Nullable", line)?.is_none_or(|v| v != "false"),
                navigation: tag == "NavigationProperty",
                contains_target: flag(e, "ContainsTarget", line)?,
                line,
                ..Property::default()
            });
            Frame::Owner(Owner::Property(s, i, properties.len() - 1))
        }
        ("EntityContainer", Some(Frame::Schema(_)), Some(s)) => {
            let containers = &mut doc.schemas[s].containers;
            containers.push(Container::default());
            Frame::Container(s, containers.len() - 1)
        }
        ("EntitySet" | "Singleton", Some(Frame::Container(s, c)), _) => {
            let (s, c) = (*s, *c);
            let name = required(e, tag, "Name", line)?;
            let type_attr = if tag == "EntitySet" {
                "EntityType"
            } else {
                "Type"
            };
            let ty = attr(e, type_attr, line)?.ok_or_else(|| Error::Element {
                element: tag.to_owned(),
                name: name.clone(),
                line,
                message: format!("the required attribute `{type_attr}` is missing"),
            })?;
            let container = &mut doc.schemas[s].containers[c];
            let named = Named {
                name,
                ty,
                line,
                ..Named::default()
            };
            if tag == "EntitySet" {
                container.sets.push(named);
                Frame::Owner(Owner::Set(s, c, container.sets.len() - 1))
            } else {
                container.singletons.push(named);
                Frame::Owner(Owner::Singleton(s, c, container.singletons.len() - 1))
            }
        }
        ("Annotations", Some(Frame::Schema(_)), _) => {
            let target = required(e, "Annotations", "Target", line)?;
            doc.annotations.push(Targeted {
                target,
                notes: Notes::default(),
            });
            Frame::Owner(Owner::Targeted(doc.annotations.len() - 1))
        }
        ("Annotation", _, _) => {
            let term = required(e, "Annotation", "Term", line)?;
            let owner = match parent {
                Some(Frame::Owner(owner)) => Some(*owner),
                _ => None,
            };
            let mut text = Vec::new();
            if let Some(value) = attr(e, "String", line)? {
                text.push(value);
            }
            if let Some(value) = attr(e, "Bool", line)? {
                text.push(value);
            }
            if let Some(value) = attr(e, "EnumMember", line)? {
                text.push(value);
            }
            Frame::Annotation { term, owner, text }
        }
        ("String" | "EnumMember" | "Bool", Some(Frame::Annotation { .. }), _) => {
            Frame::AnnotationText
        }
        _ => Frame::Other,
    })
}

/// Finishes an element: an annotation lands on its owner.
fn close(doc: &mut Document, frame: Frame) {
    let Frame::Annotation {
        term,
        owner: Some(owner),
        text,
    } = frame
    else {
        return;
    };
    let Some(notes) = notes_of(doc, owner) else {
        return;
    };
    let joined = text.join("");
    match term.as_str() {
        "Org.OData.Core.V1.Description" if !joined.trim().is_empty() => {
            notes.description = Some(joined);
        }
        "Org.OData.Core.V1.LongDescription" if !joined.trim().is_empty() => {
            notes.long_description = Some(joined);
        }
        // `Bool` defaults to true for a tagging term
        "Org.OData.Core.V1.Computed" => notes.computed = joined.is_empty() || joined == "true",
        "Org.OData.Core.V1.Permissions" => {
            notes.read_only = !text.is_empty()
                && text
                    .iter()
                    .flat_map(|t| t.split_whitespace())
                    .all(|p| p.ends_with("/Read"));
        }
        _ => {}
    }
}

fn notes_of(doc: &mut Document, owner: Owner) -> Option<&mut Notes> {
    Some(match owner {
        Owner::Enum(s, i) => &mut doc.schemas.get_mut(s)?.enums.get_mut(i)?.notes,
        Owner::Member(s, i, m) => {
            &mut doc
                .schemas
                .get_mut(s)?
                .enums
                .get_mut(i)?
                .members
                .get_mut(m)?
                .notes
        }
        Owner::Type(s, i) => &mut doc.schemas.get_mut(s)?.types.get_mut(i)?.notes,
        Owner::Property(s, i, p) => {
            &mut doc
                .schemas
                .get_mut(s)?
                .types
                .get_mut(i)?
                .properties
                .get_mut(p)?
                .notes
        }
        Owner::Set(s, c, i) => {
            &mut doc
                .schemas
                .get_mut(s)?
                .containers
                .get_mut(c)?
                .sets
                .get_mut(i)?
                .notes
        }
        Owner::Singleton(s, c, i) => {
            &mut doc
                .schemas
                .get_mut(s)?
                .containers
                .get_mut(c)?
                .singletons
                .get_mut(i)?
                .notes
        }
        Owner::Targeted(i) => &mut doc.annotations.get_mut(i)?.notes,
    })
}
