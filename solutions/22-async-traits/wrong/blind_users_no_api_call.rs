//! Wrong: Users::fetch makes the name up (`format!("User{id}")`) without calling the API: the right strings, but no call is made and nothing is drawn.
//! expect: fetch_user(1) was never called

impl Source for Users {
    async fn fetch(&self, id: u32) -> String {
        tokio::task::yield_now().await;
        format!("User{id}")
    }
}
