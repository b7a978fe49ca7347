//! Wrong: spawns the fetch and answers at once without awaiting it: the
//! task runs on its own (detached), and the answer returned never came from
//! a fetch.
//! expect: data_twice returned without a fetch having run

pub async fn data_twice(console: &Console) -> (String, String) {
    tokio::spawn(fetch_later(console));
    ("data".to_owned(), "data".to_owned())
}
