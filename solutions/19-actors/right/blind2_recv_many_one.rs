//! Right: the loop takes its messages with `recv_many(&mut buf, 1)`, one at
//! a time, so the mailbox's bound still pushes back (a larger limit would
//! take a batch out of the mailbox: wrong/blind_recv_many_batch.rs);
//! `transfer` sequences the withdrawal and the deposit with a `match`
//! instead of `?`.

impl Actor {
    async fn run(mut self) {
        // `None` once every handle is dropped (and the mailbox is empty):
        // the task ends, nothing leaks.
        let mut buf = Vec::with_capacity(1);
        while self.rx.recv_many(&mut buf, 1).await > 0 {
            let msg = buf.pop().expect("recv_many gave one");
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
                let _ = reply.send(self.store.read().await);
            }
            Msg::Shutdown { reply } => {
                // Only `run` sees a shutdown; answer one anyway.
                let _ = reply.send(self.store.read().await);
            }
        }
    }
}

impl Account {
    /// Sends `msg` and awaits the answer on `rx`. A closed mailbox (send
    /// fails) and a dropped reply sender (the actor stopped before it
    /// answered) are both `Stopped`: an error, never a panic or a hang.
    async fn ask(&self, msg: Msg, rx: oneshot::Receiver<u64>) -> Result<u64, ActorError> {
        self.mailbox
            .send(msg)
            .await
            .map_err(|_| ActorError::Stopped)?;
        rx.await.map_err(|_| ActorError::Stopped)
    }

    /// Step 1: adds `amount`; answers the new balance.
    pub async fn deposit(&self, amount: u64) -> Result<u64, ActorError> {
        let (reply, rx) = oneshot::channel();
        let reply = Some(reply);
        self.ask(Msg::Deposit { amount, reply }, rx).await
    }

    /// Step 1: takes `amount` away; answers the new balance.
    pub async fn withdraw(&self, amount: u64) -> Result<u64, ActorError> {
        let (reply, rx) = oneshot::channel();
        self.ask(Msg::Withdraw { amount, reply }, rx).await
    }

    /// Step 1: the balance, read by the actor.
    pub async fn balance(&self) -> Result<u64, ActorError> {
        let (reply, rx) = oneshot::channel();
        self.ask(Msg::Balance { reply }, rx).await
    }

    /// Step 2: stops the actor; step 5: after it has handled every request
    /// already in its mailbox. Answers the final balance.
    pub async fn shutdown(&self) -> Result<u64, ActorError> {
        let (reply, rx) = oneshot::channel();
        self.ask(Msg::Shutdown { reply }, rx).await
    }

    /// Step 3: queues a deposit without waiting for it to be done: returns
    /// once the mailbox has taken it, which, when the mailbox is full, is
    /// when the actor has made room (backpressure).
    pub async fn send_deposit(&self, amount: u64) -> Result<(), ActorError> {
        let msg = Msg::Deposit {
            amount,
            reply: None,
        };
        self.mailbox
            .send(msg)
            .await
            .map_err(|_| ActorError::Stopped)
    }

    /// Step 3: queues a deposit if the mailbox has room, and refuses it at
    /// once with `Full` if not: load shed, nobody waits.
    pub fn try_deposit(&self, amount: u64) -> Result<(), ActorError> {
        let msg = Msg::Deposit {
            amount,
            reply: None,
        };
        self.mailbox.try_send(msg).map_err(|e| match e {
            mpsc::error::TrySendError::Full(_) => ActorError::Full,
            mpsc::error::TrySendError::Closed(_) => ActorError::Stopped,
        })
    }

    /// Step 4: moves `amount` from this account to `to`. No actor awaits
    /// another inside its handler: the caller asks each actor in turn, so
    /// two transfers in opposite directions cannot wait on each other.
    pub async fn transfer(&self, to: &Account, amount: u64) -> Result<(), ActorError> {
        let withdrawn = self.withdraw(amount).await;
        let deposited = match withdrawn {
            Ok(_) => to.deposit(amount).await,
            Err(e) => Err(e),
        };
        deposited.map(drop)
    }
}
