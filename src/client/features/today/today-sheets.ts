// The two sheets of "Heute", loaded when one is opened: they bring the write path (write-record
// and the rules of every table), which the first screen itself does not need (first-screen budget).
export { AddTaskSheet } from '../cases/add-task-sheet';
export { GapSheet } from './gap-sheet';
