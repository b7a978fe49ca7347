//! Wrong: Posts::fetch asks the wrong API call (fetch_data): "Data 1" after 1 s instead of "Post1" after 300 ms.
//! expect: Posts::fetch post id's title (fetch_post)

impl Source for Posts {
    async fn fetch(&self, id: u32) -> String {
        self.api.fetch_data(id).await
    }
}
