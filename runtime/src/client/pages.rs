//! [`Pages`]: a collection read page by page through a [`Client`].

use serde::de::DeserializeOwned;

use crate::error::Error;
use crate::get::{ListRequest, Page};

use super::sender::Client;

/// The pages of a collection, read one at a time ([`Pages::next`]); made by
/// [`Client::pages`]. Each next page is asked for at the previous page's `@odata.nextLink`,
/// exactly as sent, after checking that it is on the service's origin.
#[must_use = "pages are read only when `next` is called"]
pub struct Pages<'c, T> {
    client: &'c Client,
    request: &'c ListRequest<T>,
    next: Next,
    read: u32,
    limit: Option<u32>,
}

/// What `next` asks for.
enum Next {
    First,
    Link(String),
    Done,
}

impl<'c, T: DeserializeOwned> Pages<'c, T> {
    pub(super) fn new(client: &'c Client, request: &'c ListRequest<T>) -> Self {
        Pages {
            client,
            request,
            next: Next::First,
            read: 0,
            limit: None,
        }
    }

    /// Reads at most `pages` pages: asking for one more is [`Error::PageLimit`].
    pub fn max_pages(mut self, pages: u32) -> Self {
        self.limit = Some(pages);
        self
    }

    /// The next page; `None` after the last one (or after an error).
    pub async fn next(&mut self) -> Option<Result<Page<T>, Error>> {
        let result = self.fetch().await?;
        if result.is_err() {
            self.next = Next::Done;
        }
        Some(result)
    }

    async fn fetch(&mut self) -> Option<Result<Page<T>, Error>> {
        let root = self.client.service_root();
        let request = match std::mem::replace(&mut self.next, Next::Done) {
            Next::Done => return None,
            _ if self.limit.is_some_and(|limit| self.read >= limit) => {
                let pages = self.limit.unwrap_or_default();
                return Some(Err(Error::PageLimit { pages }));
            }
            Next::First => self.request.to_http(root),
            Next::Link(link) => self.request.next_page(root, &link),
        };
        Some(self.read_page(request).await)
    }

    async fn read_page(
        &mut self,
        request: Result<http::Request<Vec<u8>>, Error>,
    ) -> Result<Page<T>, Error> {
        let response = self.client.send_http(&request?).await?;
        let page = self.request.parse_response(&response)?;
        self.read += 1;
        if let Some(link) = &page.next_link {
            self.next = Next::Link(link.clone());
        }
        Ok(page)
    }

    /// Every item of every page, in order.
    ///
    /// # Errors
    /// The first page's error.
    pub async fn items(mut self) -> Result<Vec<T>, Error> {
        let mut items = Vec::new();
        while let Some(page) = self.next().await {
            items.extend(page?.value);
        }
        Ok(items)
    }
}
