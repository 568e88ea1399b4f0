//! Collects every error of one derive, so the user fixes all of them in one compile.

use std::cell::RefCell;
use std::fmt::Display;

use quote::ToTokens;

/// The error collector. Dropping it without calling [`Ctxt::check`] is a bug in this crate.
pub struct Ctxt {
    errors: RefCell<Option<Vec<syn::Error>>>,
}

impl Ctxt {
    pub fn new() -> Self {
        Ctxt {
            errors: RefCell::new(Some(Vec::new())),
        }
    }

    /// Records an error spanned on `tokens`.
    pub fn error_spanned_by<T: ToTokens, M: Display>(&self, tokens: T, message: M) {
        self.syn_error(syn::Error::new_spanned(tokens.into_token_stream(), message));
    }

    /// Records an error at `again`, something given a second time, with `note` at `first`,
    /// where it was given first (as strum's `occurrence_error` does).
    pub fn error_repeated<A: ToTokens, F: ToTokens>(
        &self,
        again: A,
        message: impl Display,
        first: F,
        note: impl Display,
    ) {
        let mut error = syn::Error::new_spanned(again.into_token_stream(), message);
        error.combine(syn::Error::new_spanned(first.into_token_stream(), note));
        self.syn_error(error);
    }

    /// Records an error.
    pub fn syn_error(&self, error: syn::Error) {
        if let Some(errors) = self.errors.borrow_mut().as_mut() {
            errors.push(error);
        }
    }

    /// All recorded errors, combined into one.
    pub fn check(self) -> Result<(), syn::Error> {
        let errors = self.errors.borrow_mut().take().unwrap_or_default();
        let mut errors = errors.into_iter();
        let Some(mut combined) = errors.next() else {
            return Ok(());
        };
        for rest in errors {
            combined.combine(rest);
        }
        Err(combined)
    }
}

impl Drop for Ctxt {
    fn drop(&mut self) {
        if !std::thread::panicking() && self.errors.borrow().is_some() {
            panic!("forgot to check for errors");
        }
    }
}
