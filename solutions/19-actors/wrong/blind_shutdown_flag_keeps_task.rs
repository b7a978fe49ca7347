//! Wrong: `shutdown` drains what is queued, answers, and sets a `stopped`
//! flag, but the loop keeps running: later requests are dropped unanswered
//! (their callers see Stopped), yet the mailbox stays open and the task
//! alive while a handle is held.
//! expect: a stopped actor returns from its task, which drops its Receiver

impl Actor {
    async fn run(mut self) {
        // `None` once every handle is dropped (and the mailbox is empty):
        // the task ends, nothing leaks.
        let mut stopped = false;
        while let Some(msg) = self.rx.recv().await {
            if stopped {
                drop(msg); // refused: the reply is dropped, the caller gets Stopped
                continue;
            }
            if let Msg::Shutdown { reply } = msg {
                let mut queued = Vec::new();
                while let Ok(m) = self.rx.try_recv() {
                    queued.push(m);
                }
                for m in queued {
                    self.handle(m).await;
                }
                let _ = reply.send(self.store.read().await);
                stopped = true;
                continue;
            }
            self.handle(msg).await;
        }
    }

    /// One message, to the end, before the next: this is what serialises
    /// the read-modify-writes (the `.await`s inside cannot interleave).
    async fn handle(&mut self, msg: Msg) {
        match msg {
            Msg::Deposit { amount, reply } => {
                let balance = self.store.read().await + amount;
                self.store.write(balance).await;
                if let Some(reply) = reply {
                    // The caller may have given up (dropped its receiver):
                    // that is no reason for the actor to fail.
                    let _ = reply.send(balance);
                }
            }
            Msg::Withdraw { amount, reply } => {
                let balance = self.store.read().await - amount;
                self.store.write(balance).await;
                let _ = reply.send(balance);
            }
            Msg::Balance { reply } => {
                let _ = reply.send(self.store.read().await);
            }
            Msg::Shutdown { reply } => {
                // Only `run` sees a shutdown; answer one anyway.
                let _ = reply.send(self.store.read().await);
            }
        }
    }
}
