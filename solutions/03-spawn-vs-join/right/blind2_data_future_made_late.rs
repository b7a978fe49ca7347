//! Right: makes the data future only after the user is fetched, not first.
//! Creating a future starts nothing, so where it is made changes nothing:
//! the data call starts at 500 ms either way (the README says so).

pub async fn plain_future_waits(api: &Api) -> (User, String) {
    let user = api.fetch_user(1).await;
    let data = api.fetch_data(1).await;
    (user, data)
}
