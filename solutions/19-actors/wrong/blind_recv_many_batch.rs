//! Wrong: the loop takes the mailbox's messages in batches with `recv_many`
//! (to save wake-ups), then handles the batch one by one: the messages
//! leave the mailbox long before they are handled, so its bound no longer
//! pushes back.
//! expect: takes several at once with recv_many

impl Actor {
    async fn run(mut self) {
        let mut batch = Vec::new();
        while self.rx.recv_many(&mut batch, 64).await > 0 {
            let mut taken = std::mem::take(&mut batch).into_iter();
            while let Some(msg) = taken.next() {
                if let Msg::Shutdown { reply } = msg {
                    self.rx.close();
                    for queued in taken.by_ref() {
                        self.handle(queued).await;
                    }
                    while let Some(queued) = self.rx.recv().await {
                        self.handle(queued).await;
                    }
                    let _ = reply.send(self.store.read().await);
                    return;
                }
                self.handle(msg).await;
            }
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
