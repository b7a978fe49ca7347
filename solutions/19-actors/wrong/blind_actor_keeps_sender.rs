//! Wrong: the actor's task keeps a clone of its own Sender ("to post itself
//! a follow-up later"), so recv() never answers None when every handle is
//! dropped: the task leaks.
//! expect: must not keep a Sender of its own mailbox

pub fn spawn_account(store: SlowCounter, mailbox: usize) -> Account {
    let (tx, rx) = mpsc::channel(mailbox);
    // The task gets the receiver and the store, and no sender: if it kept
    // one, `recv()` could never answer `None` and it would never stop.
    let me = tx.clone();
    tokio::spawn(async move {
        let _me = me; // kept "for self-messages"
        Actor { store, rx }.run().await
    });
    Account { mailbox: tx }
}
