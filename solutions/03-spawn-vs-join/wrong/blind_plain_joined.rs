//! Wrong: joins the data and the user: all done at 1000 ms, and it misses
//! the point of the step, that a future created but not yet awaited has not
//! started.
//! expect: a future is lazy: fetch_data(1) does not start when created

pub async fn plain_future_waits(api: &Api) -> (User, String) {
    let (data, user) = tokio::join!(api.fetch_data(1), api.fetch_user(1));
    (user, data)
}
