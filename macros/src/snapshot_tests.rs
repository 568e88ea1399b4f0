//! Expansion snapshots: the code the derives generate for the teamsAsyncOperation model
//! (`model/src/teams.rs`, read as is), pretty-printed and checked in under `src/snapshots/`, so
//! every change to generated code shows in review. Update them with
//! `UPDATE_EXPECT=1 cargo test -p odata-resource-macros`.
//!
//! `cargo test -p odata-resource-macros -- --nocapture snapshot` also prints each type's
//! expansion size: lines in all, and per property (what adding one property costs).

use expect_test::expect_file;
use proc_macro2::TokenStream;
use quote::ToTokens;

use crate::ast::Kind;

const MODEL: &str = include_str!("../../model/src/teams.rs");

/// The model's items that use one of our derives, with the derives they use.
fn model_items() -> Vec<(syn2::Item, Vec<Kind>)> {
    let file = syn2::parse_file(MODEL).expect("the model parses");
    file.items
        .into_iter()
        .filter_map(|item| {
            let attrs = match &item {
                syn2::Item::Struct(s) => &s.attrs,
                syn2::Item::Enum(e) => &e.attrs,
                _ => return None,
            };
            let kinds = derives(attrs);
            (!kinds.is_empty()).then_some((item, kinds))
        })
        .collect()
}

fn derives(attrs: &[syn2::Attribute]) -> Vec<Kind> {
    let mut kinds = Vec::new();
    for attr in attrs.iter().filter(|a| a.path().is_ident("derive")) {
        let _ = attr.parse_nested_meta(|meta| {
            let name = meta.path.segments.last().map(|s| s.ident.to_string());
            match name.as_deref() {
                Some("Resource") => kinds.push(Kind::Resource),
                Some("ComplexType") => kinds.push(Kind::ComplexType),
                Some("ODataEnum") => kinds.push(Kind::Enum),
                Some("Polymorphic") => kinds.push(Kind::Polymorphic),
                _ => {}
            }
            Ok(())
        });
    }
    kinds
}

fn item_name(item: &syn2::Item) -> String {
    match item {
        syn2::Item::Struct(s) => s.ident.to_string(),
        syn2::Item::Enum(e) => e.ident.to_string(),
        _ => unreachable!(),
    }
}

/// Runs the derive on an item given as syn 2 tokens.
fn expand(item: &impl ToTokens, kind: Kind) -> TokenStream {
    let input: syn::DeriveInput =
        syn::parse_str(&item.to_token_stream().to_string()).expect("a derive input");
    crate::expand::derive(&input, kind)
}

fn pretty(tokens: &TokenStream) -> String {
    let file = syn2::parse_file(&tokens.to_string()).expect("the expansion parses as a file");
    prettyplease::unparse(&file)
}

fn lines(item: &impl ToTokens, kind: Kind) -> usize {
    pretty(&expand(item, kind)).lines().count()
}

/// `TeamsAsyncOperation` → `teams_async_operation`.
fn snake(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            out.push('_');
        }
        out.extend(c.to_lowercase());
    }
    out
}

fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Resource => "resource",
        Kind::ComplexType => "complex_type",
        Kind::Enum => "odata_enum",
        Kind::Polymorphic => "polymorphic",
    }
}

#[test]
fn snapshot_model_expansions() {
    let items = model_items();
    assert_eq!(items.len(), 4, "the model's four types");
    for (item, kinds) in &items {
        for &kind in kinds {
            let expanded = expand(item, kind);
            assert!(
                !expanded.to_string().contains("compile_error"),
                "{} expands with errors: {expanded}",
                item_name(item)
            );
            let path = format!(
                "snapshots/{}.{}.rs",
                snake(&item_name(item)),
                kind_name(kind)
            );
            expect_file![path].assert_eq(&pretty(&expanded));
        }
    }
}

/// Prints the figure the compile-time work shrinks: lines of pretty-printed expansion per type,
/// per property on average, and what each property adds (the expansion without it, subtracted).
#[test]
fn snapshot_line_counts_per_property() {
    println!("expansion size of the teamsAsyncOperation model (pretty-printed lines):");
    for (item, kinds) in model_items() {
        for kind in kinds {
            let total = lines(&item, kind);
            let name = item_name(&item);
            let costs = member_costs(&item, kind, total);
            let average = total as f64 / costs.len().max(1) as f64;
            println!(
                "  {name} ({}): {total} lines, {} members, {average:.1} lines per member",
                kind.derive_name(),
                costs.len()
            );
            for (member, cost) in &costs {
                println!("    {member}: +{cost}");
            }
            assert!(costs.iter().all(|(_, cost)| *cost > 0 && *cost < total));
        }
    }
}

/// For each property (field) or member (variant): how many lines the expansion loses without it.
fn member_costs(item: &syn2::Item, kind: Kind, total: usize) -> Vec<(String, usize)> {
    match item {
        syn2::Item::Struct(s) => (0..s.fields.len())
            .map(|i| {
                let mut without = s.clone();
                if let syn2::Fields::Named(named) = &mut without.fields {
                    named.named = named
                        .named
                        .iter()
                        .enumerate()
                        .filter(|(j, _)| *j != i)
                        .map(|(_, f)| f.clone())
                        .collect();
                }
                let field = s.fields.iter().nth(i).and_then(|f| f.ident.as_ref());
                let name = field.map(ToString::to_string).unwrap_or_default();
                (name, total - lines(&without, kind))
            })
            .collect(),
        syn2::Item::Enum(e) => (0..e.variants.len())
            .map(|i| {
                let mut without = e.clone();
                without.variants = e
                    .variants
                    .iter()
                    .enumerate()
                    .filter(|(j, _)| *j != i)
                    .map(|(_, v)| v.clone())
                    .collect();
                (
                    e.variants[i].ident.to_string(),
                    total - lines(&without, kind),
                )
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// What an item with an attribute error gets: the error and stubs (no follow-on errors).
#[test]
fn snapshot_fallback_expansion() {
    let item: syn2::ItemStruct = syn2::parse_quote! {
        #[derive(Resource)]
        #[odata(type = "microsoft.graph.team", path(team = "/teams/{teamsId}"))]
        pub struct Team {
            #[odata(read_onyl)]
            pub id: Option<String>,
            pub display_name: Option<String>,
        }
    };
    let expanded = expand(&item, Kind::Resource);
    assert!(expanded.to_string().contains("compile_error"));
    expect_file!["snapshots/fallback.resource.rs"].assert_eq(&pretty(&expanded));
}

/// Collection properties (`Vec<T>`, `Option<Vec<T>>`) are read by the runtime's item-counting
/// calls, so an error names the item's index (`value[3].status`); everything else as before.
#[test]
fn snapshot_collection_expansion() {
    let item: syn2::ItemStruct = syn2::parse_quote! {
        #[derive(ComplexType)]
        #[odata(type = "test.operationPage")]
        pub struct OperationPage {
            pub value: Vec<TeamsAsyncOperation>,
            pub tags: Option<::std::vec::Vec<String>>,
            pub count: Option<i64>,
        }
    };
    let tokens = expand(&item, Kind::ComplexType);
    let compact = tokens.to_string().replace(' ', "");
    for call in [
        "items::<_, TeamsAsyncOperation>(&mut __map, &mut __f0, \"value\")",
        "optional_items::<_, String>(&mut __map, &mut __f1, \"tags\")",
        "property::<_, Option<i64>>(&mut __map, &mut __f2, \"count\")",
    ] {
        assert!(compact.contains(&call.replace(' ', "")), "{call}\n{tokens}");
    }
    expect_file!["snapshots/operation_page.complex_type.rs"].assert_eq(&pretty(&tokens));
}

/// With `#[odata(crate = "…")]` the expansion never names `odata_resource`.
#[test]
fn crate_override_reaches_nothing_else() {
    for (item, kinds) in model_items() {
        let mut tokens = item.to_token_stream().to_string();
        let at = tokens.find("pub ").expect("a pub item");
        tokens.insert_str(at, "#[odata(crate = \"::sdk::odata\")] ");
        let item: syn2::Item = syn2::parse_str(&tokens).unwrap();
        for kind in kinds {
            let expanded = expand(&item, kind).to_string();
            assert!(!expanded.contains("compile_error"), "{expanded}");
            assert!(!expanded.contains("odata_resource"), "{expanded}");
            assert!(
                expanded.contains(":: sdk :: odata :: __private"),
                "{expanded}"
            );
        }
    }
}
