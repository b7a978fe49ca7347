//! Wrong: on Shutdown the loop answers the balance and returns: the
//! Receiver is dropped with the deposits still queued behind the shutdown,
//! whose callers get Stopped for requests the mailbox had taken.
//! expect: drain the mailbox on shutdown

impl Actor {
    async fn run(mut self) {
        // `None` once every handle is dropped (and the mailbox is empty):
        // the task ends, nothing leaks.
        while let Some(msg) = self.rx.recv().await {
            if let Msg::Shutdown { reply } = msg {
                // Step 5: take no more, but answer what is already queued.
                let _ = reply.send(self.store.read().await);
                return;
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
