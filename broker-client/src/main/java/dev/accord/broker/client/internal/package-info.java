/** HTTP and HAL plumbing of the broker client. Not API: may change at any time. */
package dev.accord.broker.client.internal;
