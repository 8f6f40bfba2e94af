"""Conversation scheduling: availability, invitations, routing and the wave planner. Plain Python, no Django."""
