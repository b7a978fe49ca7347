//! Wrong: fetch_boxed wraps the boxed future in another box (`Box::pin(async move { Box::pin(self.fetch(id)).await })`): two allocations per call.
//! expect: a box around another box

impl DynSource for Users {
    fn fetch_boxed(&self, id: u32) -> BoxFuture<'_, String> {
        Box::pin(async move { Box::pin(self.fetch(id)).await })
    }
}

impl DynSource for Posts {
    fn fetch_boxed(&self, id: u32) -> BoxFuture<'_, String> {
        Box::pin(async move { Box::pin(self.fetch(id)).await })
    }
}
