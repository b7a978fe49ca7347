//! Wrong: the step 1 impls box the API's future inside (the async-trait habit: `Box::pin(self.api.fetch_user(id)).await`), so the generic call allocates too, where static dispatch needs no box; fetch_boxed still adds exactly one box on top, so only the generic call's own count catches it.
//! expect: a box in the generic path

impl Source for Users {
    async fn fetch(&self, id: u32) -> String {
        Box::pin(self.api.fetch_user(id)).await.name
    }
}

impl Source for Posts {
    async fn fetch(&self, id: u32) -> String {
        Box::pin(self.api.fetch_post(id)).await.title
    }
}
