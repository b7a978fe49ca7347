//! Wrong: the blanket impl boxes a block that trims the answer and copies
//! it (`.trim().to_owned()`): a second allocation per call, beside the
//! box of the future.
//! expect: a copy of the answer

impl<S: Source + Sync> DynSource for Boxed<S> {
    fn fetch_boxed(&self, id: u32) -> BoxFuture<'_, String> {
        Box::pin(async move { self.0.fetch(id).await.trim().to_owned() })
    }
}
