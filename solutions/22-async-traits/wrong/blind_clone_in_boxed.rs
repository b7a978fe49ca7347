//! Wrong: fetch_boxed awaits the service's future inside its box and copies the answer on the way out (`name.as_str().to_owned()`): one box, plus a String allocated per call.
//! expect: anything else allocated per call is one more

impl DynSource for Users {
    fn fetch_boxed(&self, id: u32) -> BoxFuture<'_, String> {
        Box::pin(async move {
            let name = self.fetch(id).await;
            name.as_str().to_owned()
        })
    }
}

impl DynSource for Posts {
    fn fetch_boxed(&self, id: u32) -> BoxFuture<'_, String> {
        Box::pin(async move {
            let title = self.fetch(id).await;
            title.as_str().to_owned()
        })
    }
}
