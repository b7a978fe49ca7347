//! Wrong: to be sure the actor never leaks, every handle aborts the actor's
//! task in its Drop; but handles are clones, so dropping any one of them
//! (a caller done with its own) kills the actor for everybody, mid-message.
//! expect: must not stop the actor, no abort in Drop

#[derive(Clone)]
pub struct Account {
    mailbox: mpsc::Sender<Msg>,
    task: tokio::task::AbortHandle,
}

pub fn spawn_account(store: SlowCounter, mailbox: usize) -> Account {
    let (tx, rx) = mpsc::channel(mailbox);
    // The task gets the receiver and the store, and no sender: if it kept
    // one, `recv()` could never answer `None` and it would never stop.
    let task = tokio::spawn(Actor { store, rx }.run());

    impl Drop for Account {
        fn drop(&mut self) {
            self.task.abort();
        }
    }

    Account {
        mailbox: tx,
        task: task.abort_handle(),
    }
}
