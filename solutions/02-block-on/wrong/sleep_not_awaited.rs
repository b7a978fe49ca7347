//! Wrong: creates the sleep and never awaits it. A tokio `Sleep` is a
//! future like any other: made and dropped, it waits for nothing, and
//! goodbye is printed at 0 ms.
//! expect: Either it was never awaited

pub async fn hello_goodbye(console: &Console) {
    console.print("hello");
    let _ = tokio::time::sleep(std::time::Duration::from_secs(1));
    console.print("goodbye");
}
