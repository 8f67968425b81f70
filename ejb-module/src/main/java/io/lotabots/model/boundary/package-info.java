/** Stored models: upload (streamed into S3, digested while received), list, read, delete, and the tree verifiers read. */
package io.lotabots.model.boundary;
