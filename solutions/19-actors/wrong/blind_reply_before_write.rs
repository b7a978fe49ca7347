//! Wrong: the handler answers the new balance as soon as it has computed
//! it, then awaits the write ("the caller need not wait for the store"):
//! callers hear 50 ms early, before the write has landed.
//! expect: a deposit answered before its write had landed

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
                if let Some(reply) = reply {
                    let _ = reply.send(balance);
                }
                self.store.write(balance).await;
            }
            Msg::Withdraw { amount, reply } => {
                let balance = self.store.read().await - amount;
                let _ = reply.send(balance);
                self.store.write(balance).await;
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
