//! Right: permits instead of send: `send_deposit` is `reserve().await` then
//! `permit.send`, `try_deposit` is `try_reserve()`. Where the README leaves
//! a choice it takes the other one: `shutdown` answers the last balance the
//! drain wrote (it reads the store only if the drain wrote nothing), so it
//! answers at 500 ms, not the reference's 550; a second `shutdown` queued
//! behind the first is dropped unanswered (Stopped).

impl Actor {
    async fn run(mut self) {
        while let Some(msg) = self.rx.recv().await {
            if let Msg::Shutdown { reply } = msg {
                self.rx.close();
                let mut last = None;
                while let Some(queued) = self.rx.recv().await {
                    if let Some(written) = self.handle(queued).await {
                        last = Some(written);
                    }
                }
                let last = match last {
                    Some(v) => v,
                    None => self.store.read().await,
                };
                let _ = reply.send(last);
                return;
            }
            self.handle(msg).await;
        }
    }

    /// Handles one message; answers the balance it wrote, if it wrote one.
    async fn handle(&mut self, msg: Msg) -> Option<u64> {
        match msg {
            Msg::Deposit { amount, reply } => {
                let v = self.store.read().await + amount;
                self.store.write(v).await;
                if let Some(r) = reply {
                    let _ = r.send(v);
                }
                Some(v)
            }
            Msg::Withdraw { amount, reply } => {
                let v = self.store.read().await - amount;
                self.store.write(v).await;
                let _ = reply.send(v);
                Some(v)
            }
            Msg::Balance { reply } => {
                let _ = reply.send(self.store.read().await);
                None
            }
            // Another stop already queued: the first one answers.
            Msg::Shutdown { reply } => {
                drop(reply);
                None
            }
        }
    }
}

impl Account {
    /// Sends `msg` and awaits the answer on `rx`. A closed mailbox (send
    /// fails) and a dropped reply sender (the actor stopped before it
    /// answered) are both `Stopped`: an error, never a panic or a hang.
    async fn ask(&self, msg: Msg, rx: oneshot::Receiver<u64>) -> Result<u64, ActorError> {
        let permit = self
            .mailbox
            .reserve()
            .await
            .map_err(|_| ActorError::Stopped)?;
        permit.send(msg);
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
        let permit = self
            .mailbox
            .reserve()
            .await
            .map_err(|_| ActorError::Stopped)?;
        permit.send(msg);
        Ok(())
    }

    /// Step 3: queues a deposit if the mailbox has room, and refuses it at
    /// once with `Full` if not: load shed, nobody waits.
    pub fn try_deposit(&self, amount: u64) -> Result<(), ActorError> {
        let msg = Msg::Deposit {
            amount,
            reply: None,
        };
        let permit = self.mailbox.try_reserve().map_err(|e| match e {
            mpsc::error::TrySendError::Full(()) => ActorError::Full,
            mpsc::error::TrySendError::Closed(()) => ActorError::Stopped,
        })?;
        permit.send(msg);
        Ok(())
    }

    /// Step 4: moves `amount` from this account to `to`. No actor awaits
    /// another inside its handler: the caller asks each actor in turn, so
    /// two transfers in opposite directions cannot wait on each other.
    pub async fn transfer(&self, to: &Account, amount: u64) -> Result<(), ActorError> {
        self.withdraw(amount).await?;
        to.deposit(amount).await?;
        Ok(())
    }
}
