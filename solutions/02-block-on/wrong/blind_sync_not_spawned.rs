//! Wrong: joins the two calls inside one `block_on` instead of spawning the
//! background job: the same timeline, but the job is no task of its own.
//! expect: the background job is a task of its own (runtime.spawn)

pub fn sync_main(runtime: Runtime, api: &Api) -> User {
    let (_data, user) =
        runtime.block_on(async { tokio::join!(api.fetch_data(1), api.fetch_user(1)) });
    user
}
