"""The review UI (issue 5): a Streamlit app over the store. Logic lives in the plain
modules here (access, queue, images, agreement); the pages in ``views/`` stay thin."""
