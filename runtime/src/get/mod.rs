//! Reading resources: GET one ([`Get`] → [`GetRequest`]) and a collection page by page ([`List`]
//! → [`ListRequest`] → [`Page`]), with typed `$select` / `$expand` ([`Field`], [`Navigation`]).

mod list;
mod one;
mod options;
mod page;
mod property;

pub use list::{List, ListRequest};
pub use one::{Get, GetRequest};
pub use page::Page;
pub use property::{Field, Navigation, Selectable};
