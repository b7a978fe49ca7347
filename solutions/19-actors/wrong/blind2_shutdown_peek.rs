//! Wrong: `shutdown` answers with `store.peek()` after the drain instead of
//! a read: in step 5 it gives what the drain's last write left, at 500 ms,
//! which the README allows; but with nothing to drain it answers at once,
//! with no read, which neither `balance`'s rule nor step 5's choice allows
//! (`peek` is the tests' window on the store, not the actor's).
//! expect: shutdown (nothing to drain), asked at 250 ms, answered at 250 ms with no read

impl Actor {
    async fn run(mut self) {
        // `None` once every handle is dropped (and the mailbox is empty):
        // the task ends, nothing leaks.
        while let Some(msg) = self.rx.recv().await {
            if let Msg::Shutdown { reply } = msg {
                // Step 5: take no more, but answer what is already queued.
                self.rx.close();
                while let Some(queued) = self.rx.recv().await {
                    self.handle(queued).await;
                }
                let _ = reply.send(self.store.peek());
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
