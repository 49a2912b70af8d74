"""The Streamlit app: pages per role, login, and nothing that talks beyond this machine."""
