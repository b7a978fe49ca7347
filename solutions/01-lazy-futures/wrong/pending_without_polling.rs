//! Wrong: answers Pending without polling, believing the future is already
//! running somewhere. Nothing runs a future but its polls: a ready one is
//! reported Pending, and a fetch never prints a line.
//! expect: Ready on its first poll

pub async fn poll_once<F: Future + Unpin>(_fut: &mut F) -> Poll<F::Output> {
    Poll::Pending
}
