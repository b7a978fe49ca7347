//! Wrong: the mailbox is `channel(mailbox + 1)` ("the message being handled
//! should not count against the bound"): it holds one more than asked.
//! expect: a mailbox bigger than 2

pub fn spawn_account(store: SlowCounter, mailbox: usize) -> Account {
    let (tx, rx) = mpsc::channel(mailbox + 1);
    // The task gets the receiver and the store, and no sender: if it kept
    // one, `recv()` could never answer `None` and it would never stop.
    tokio::spawn(Actor { store, rx }.run());
    Account { mailbox: tx }
}
