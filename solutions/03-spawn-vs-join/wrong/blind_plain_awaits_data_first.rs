//! Wrong: awaits the data first, then the user. Also 1500 ms in all, but
//! the data runs from 0 to 1000 ms and the user after it: the order of the
//! awaits is the step.
//! expect: the data was awaited before the user was fetched

pub async fn plain_future_waits(api: &Api) -> (User, String) {
    let data = api.fetch_data(1).await;
    let user = api.fetch_user(1).await;
    (user, data)
}
