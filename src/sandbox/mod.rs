//! The sandbox porting backend: server, store, engine (lifecycle rules), clock, NPAC, faults.
