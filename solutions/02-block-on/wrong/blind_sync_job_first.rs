//! Wrong: blocks on the job before fetching the user. A `block_on` drives
//! the runtime only until its own future is done, so the user call is first
//! polled at 1000 ms and the program takes 1500 ms.
//! expect: fetch_user(1) started only when the job was done

pub fn sync_main(runtime: Runtime, api: &Api) -> User {
    let api2 = api.clone();
    let job = runtime.spawn(async move { api2.fetch_data(1).await });
    runtime.block_on(job).expect("job panicked");
    runtime.block_on(api.fetch_user(1))
}
