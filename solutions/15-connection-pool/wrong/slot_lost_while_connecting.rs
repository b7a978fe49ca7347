//! Wrong: a channel of slots (as `right/channel_of_slots.rs`), but the slot
//! is put in the guard only once the new connection is open. A handler
//! cancelled while the pool connects for it (its client gone, its deadline
//! passed) drops the empty slot with its future: the pool shrinks by one
//! for good, and with a pool of 1 the next handler finds no connection.
//! expect: a handler cancelled while the pool is connecting for it gives its place back

pub struct Pool {
    db: Db,
    back: tokio::sync::mpsc::UnboundedSender<Option<Conn>>,
    slots: tokio::sync::Mutex<tokio::sync::mpsc::UnboundedReceiver<Option<Conn>>>,
}

pub struct PooledConn {
    /// `None` only while a fresh connection is opening: if that is
    /// cancelled, the empty slot still goes back.
    conn: Option<Conn>,
    back: tokio::sync::mpsc::UnboundedSender<Option<Conn>>,
}

impl Pool {
    pub fn new(db: Db, size: usize) -> Pool {
        let (back, slots) = tokio::sync::mpsc::unbounded_channel();
        for _ in 0..size {
            back.send(Some(db.open()))
                .expect("the receiver is right here");
        }
        Pool {
            db,
            back,
            slots: tokio::sync::Mutex::new(slots),
        }
    }

    pub async fn acquire(&self, wait: Duration) -> Result<PooledConn, PoolError> {
        let slot = timeout(wait, async { self.slots.lock().await.recv().await })
            .await
            .map_err(|_| PoolError::Timeout)?
            .expect("the pool holds a sender");
        // The slot is held in a plain local while the connection opens: if
        // this future is dropped at the connect's `.await`, the empty slot
        // is dropped with it, and never goes back.
        let conn = match slot {
            Some(conn) => conn,
            None => self.db.connect().await,
        };
        Ok(PooledConn {
            conn: Some(conn),
            back: self.back.clone(),
        })
    }
}

impl Deref for PooledConn {
    type Target = Conn;

    fn deref(&self) -> &Conn {
        self.conn.as_ref().expect("set by acquire")
    }
}

impl DerefMut for PooledConn {
    fn deref_mut(&mut self) -> &mut Conn {
        self.conn.as_mut().expect("set by acquire")
    }
}

impl Drop for PooledConn {
    fn drop(&mut self) {
        let slot = match self.conn.take() {
            Some(conn) if conn.is_clean() => {
                conn.checked_in();
                Some(conn)
            }
            // Half-used: closed here; its slot goes back empty.
            _ => None,
        };
        // Fails only once the pool is gone, and its connections with it.
        let _ = self.back.send(slot);
    }
}
