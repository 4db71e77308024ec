//! Development aids: the mail the instance wrote to its mail directory (`/dev/mailbox`,
//! secretariat only).

pub mod mailbox;

route_table!("";
    get "/dev/mailbox" => mailbox::list;
    get "/dev/mailbox/{file}" => mailbox::show;
    get "/dev/mailbox/{file}/html" => mailbox::html;
    get "/dev/mailbox/{file}/raw" => mailbox::raw;
    get "/dev/mailbox/{file}/attachments/{index}" => mailbox::attachment;
);
