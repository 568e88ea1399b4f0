//! [`Page`]: one page of a collection as Graph sends it: `value`, and `@odata.nextLink`,
//! `@odata.deltaLink`, `@odata.count`.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, Visitor};

use crate::read::de::{items, property, Key};
use crate::types::edm::Int64;

/// One page of a collection.
///
/// ```
/// use odata_resource_runtime::get::Page;
///
/// let page: Page<i32> = serde_json::from_str(
///     r#"{"@odata.context":"…","value":[1,2],"@odata.nextLink":"https://host/v1.0/x?$skiptoken=a"}"#,
/// )?;
/// assert_eq!(page.value, [1, 2]);
/// assert_eq!(page.next_link.as_deref(), Some("https://host/v1.0/x?$skiptoken=a"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Page<T> {
    /// The items of this page.
    pub value: Vec<T>,
    /// Where the next page is (`@odata.nextLink`), to be followed as it is; `None` on the last.
    pub next_link: Option<String>,
    /// `@odata.deltaLink`, on the last page of a delta query: where to ask for later changes.
    pub delta_link: Option<String>,
    /// `@odata.count` (the collection's size), when `$count=true` asked for it.
    pub count: Option<u64>,
    /// `@odata.context`.
    pub context: Option<String>,
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Page<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(PageVisitor(PhantomData))
    }
}

struct PageVisitor<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for PageVisitor<T> {
    type Value = Page<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a collection page (an object with `value`)")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Page<T>, A::Error> {
        let mut value = None;
        let (mut next_link, mut delta_link, mut context) = (None, None, None);
        // a number, or a string under `IEEE754Compatible=true`
        let mut count: Option<Option<Int64>> = None;
        while let Some(key) = map.next_key::<Key<'de>>()? {
            match key.as_str() {
                "value" => items(&mut map, &mut value, "value")?,
                "@odata.nextLink" => property(&mut map, &mut next_link, "@odata.nextLink")?,
                "@odata.deltaLink" => property(&mut map, &mut delta_link, "@odata.deltaLink")?,
                "@odata.count" => property(&mut map, &mut count, "@odata.count")?,
                "@odata.context" => property(&mut map, &mut context, "@odata.context")?,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(Page {
            value: value.ok_or_else(|| de::Error::custom("missing property `value`"))?,
            next_link,
            delta_link,
            count: match count.flatten() {
                None => None,
                Some(Int64(n)) => Some(u64::try_from(n).map_err(|_| {
                    de::Error::custom(format_args!("@odata.count: {n} is negative"))
                })?),
            },
            context,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_count_is_read_as_a_number_or_as_an_ieee754_compatible_string() {
        for body in [
            r#"{"value":[],"@odata.count":7}"#,
            r#"{"value":[],"@odata.count":"7"}"#,
        ] {
            let page: Page<i32> = serde_json::from_str(body).unwrap();
            assert_eq!(page.count, Some(7), "{body}");
        }
        let err = serde_json::from_str::<Page<i32>>(r#"{"value":[],"@odata.count":-1}"#);
        assert!(err
            .unwrap_err()
            .to_string()
            .contains("@odata.count: -1 is negative"));
    }

    #[test]
    fn a_page_needs_value_and_names_a_bad_item() {
        let page: Page<u8> = serde_json::from_str(
            r#"{"value":[],"@odata.count":7,"@odata.deltaLink":"d","x":{"y":1}}"#,
        )
        .unwrap();
        assert_eq!(
            (page.count, page.delta_link.as_deref()),
            (Some(7), Some("d"))
        );
        let err = serde_json::from_str::<Page<u8>>(r#"{"@odata.nextLink":"n"}"#).unwrap_err();
        assert!(
            err.to_string().starts_with("missing property `value`"),
            "{err}"
        );
        let err = serde_json::from_str::<Page<u8>>(r#"{"value":[1,"x"]}"#).unwrap_err();
        assert!(
            err.to_string()
                .starts_with(r#"value[1]: invalid type: string "x""#),
            "{err}"
        );
        let err = serde_json::from_str::<Page<u8>>("[1]").unwrap_err();
        assert!(
            err.to_string().contains("expected a collection page"),
            "{err}"
        );
    }
}
