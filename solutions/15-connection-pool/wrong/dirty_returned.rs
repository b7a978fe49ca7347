//! Wrong: the guard puts every connection back, half-used or not. A
//! handler cut off mid-query leaves its query's rows on the wire, and the
//! next user of that connection reads them as its own answer: h2 asks for
//! q2 and silently gets the rows of q1.
//! expect: the next user of a connection cancelled mid-query gets a clean one

impl Drop for PooledConn {
    fn drop(&mut self) {
        if let Some(conn) = self.conn.take() {
            conn.checked_in();
            self.idle.lock().unwrap().push_back(conn);
        }
    }
}
