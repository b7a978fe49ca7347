//! Wrong: the actor answers `balance` with `store.peek()` instead of a read
//! ("the value is right there"): `peek` is the tests' window on the store,
//! which takes no time and records nothing, so the balance is answered
//! without the 50 ms read the README counts.
//! expect: balance, asked at 100 ms, answered at 100 ms with no read

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
                // "The balance is right there: no need to wait 50 ms."
                let _ = reply.send(self.store.peek());
            }
            Msg::Shutdown { reply } => {
                // Only `run` sees a shutdown; answer one anyway.
                let _ = reply.send(self.store.read().await);
            }
        }
    }
}
