//! Wrong: fetch_boxed clones the Api into a tokio::spawn and boxes a future that awaits the handle: the call runs in a task before anyone awaits it, and allocates a task besides the box.
//! expect: ran in a task of its own: fetch_boxed spawned it

impl DynSource for Users {
    fn fetch_boxed(&self, id: u32) -> BoxFuture<'_, String> {
        let api = self.api.clone();
        let handle = tokio::spawn(async move { api.fetch_user(id).await.name });
        Box::pin(async move { handle.await.expect("fetch task panicked") })
    }
}

impl DynSource for Posts {
    fn fetch_boxed(&self, id: u32) -> BoxFuture<'_, String> {
        let api = self.api.clone();
        let handle = tokio::spawn(async move { api.fetch_post(id).await.title });
        Box::pin(async move { handle.await.expect("fetch task panicked") })
    }
}
